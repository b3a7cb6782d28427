/** Table: writes without a filter, bad table names and bad JSON refused before sending. */
import { expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

test('Update and Delete without a filter, a bad table name and bad JSON are refused before sending', async () => {
	expectInputError(await t.run({ resource: 'table', operation: 'delete', table: 'lead_sources' }), 'Filters: add at least one filter');
	expectInputError(await t.run({ resource: 'table', operation: 'update', table: 'lead_sources', json: '{"name": "x"}' }), 'Filters: add at least one filter');
	expectInputError(await t.run({ resource: 'table', operation: 'getAll', table: 'orders?select=*', returnAll: true }), 'Table: "orders?select=*" is not a valid table name (use letters, digits and underscores, e.g. order_status)');
	expectInputError(await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', json: '{"name": ' }), 'Rows (JSON) is not valid JSON');
	expectInputError(await t.run({ resource: 'table', operation: 'create', table: 'lead_sources', json: '{"na me": "x"}' }), 'Rows (JSON): "na me" is not a valid column name');
});
