/** Table → Create Rows with "Update If Exists": Prefer resolution=merge-duplicates with on_conflict. */
import { apiRequests, expectInputError, header, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

async function someBalance(): Promise<{ item_id: string; warehouse_id: string; quantity: number }> {
	const rows = await t.sandbox.query('select item_id, warehouse_id, quantity from public.stock_balances where organization_id = $1 order by item_id limit 1', [orgA()]);
	return rows[0];
}

test('without the option a row clashing on a unique key is refused (409) and nothing changes', async () => {
	const balance = await someBalance();
	const run = await t.run({ resource: 'table', operation: 'create', table: 'stock_balances', json: JSON.stringify([{ item_id: balance.item_id, warehouse_id: balance.warehouse_id, quantity: 999 }]) });
	expect(run.error?.httpCode).toBe('409');
	expect((await someBalance()).quantity).toBe(balance.quantity);
});

test('Update If Exists on item_id,warehouse_id updates the existing stock row and inserts the new one', async () => {
	const balance = await someBalance();
	const warehouse = (await t.sandbox.query("insert into public.warehouses (organization_id, name) values ($1, 'Upsert WH') returning id", [orgA()]))[0] as { id: string };
	const rows = [
		{ item_id: balance.item_id, warehouse_id: balance.warehouse_id, quantity: balance.quantity + 5 },
		{ item_id: balance.item_id, warehouse_id: warehouse.id, quantity: 3 },
	];
	const { items, error, requests } = await t.run({
		resource: 'table',
		operation: 'create',
		table: 'stock_balances',
		json: JSON.stringify(rows),
		options: { onConflict: ' item_id, warehouse_id ' },
	});
	expect(error).toBeUndefined();
	const post = apiRequests(requests).find((entry) => entry.method === 'POST');
	expect(post?.query).toEqual({ on_conflict: 'item_id,warehouse_id' });
	expect(header(post!, 'prefer')).toBe('return=representation, resolution=merge-duplicates');
	expect(items).toHaveLength(2);
	const stored = await t.sandbox.query('select warehouse_id, quantity from public.stock_balances where item_id = $1 and warehouse_id = any($2::uuid[]) order by quantity', [
		balance.item_id,
		[balance.warehouse_id, warehouse.id],
	]);
	expect(stored).toEqual([
		{ warehouse_id: warehouse.id, quantity: 3 },
		{ warehouse_id: balance.warehouse_id, quantity: balance.quantity + 5 },
	]);
});

test('an Update If Exists column that is not a column name is refused before sending', async () => {
	expectInputError(
		await t.run({ resource: 'table', operation: 'create', table: 'stock_balances', json: '[{"quantity":1}]', options: { onConflict: 'item_id;drop' } }),
		/^Update If Exists, Matching On: "item_id;drop" is not a valid column name/,
	);
});
