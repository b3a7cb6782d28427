import type { IDataObject } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { executionKeyOf } from '../../shared/executionKey';
import { nexusApiRequest } from './transport';

/**
 * A table's description in PostgREST's schema description (its OpenAPI, `GET /rest/v1/`):
 * `definitions.<table>.properties.<column>`. Undefined when the key cannot read the table.
 */
export async function tableColumns(context: NodeContext, table: string): Promise<IDataObject | undefined> {
	const answer = await nexusApiRequest.call(
		context,
		'GET',
		'/rest/v1/',
		{ safeToRepeat: true, what: 'the table list' },
		{ headers: { Accept: 'application/openapi+json' } },
	);
	const definitions = (answer.body as IDataObject | null)?.definitions as IDataObject | undefined;
	return (definitions?.[table] as IDataObject | undefined)?.properties as IDataObject | undefined;
}

/** PostgREST marks a primary-key column's description with `<pk/>` ("Note:\nThis is a Primary Key.<pk/>"). */
function isKeyColumn(column: unknown): boolean {
	const description = (column as IDataObject | null)?.description;
	return typeof description === 'string' && description.includes('<pk/>');
}

const keys = new Map<string, Promise<string[] | undefined>>();
const MAX_KEYS = 100;

async function readPrimaryKey(context: NodeContext, table: string): Promise<string[] | undefined> {
	const columns = await tableColumns(context, table);
	return columns && Object.keys(columns).filter((name) => isKeyColumn(columns[name]));
}

/**
 * The columns of `table`'s primary key, in the table's column order (empty: it has none);
 * undefined when the schema description does not show the table. Asked once per execution of
 * the node and table: every item of a run shares the answer.
 */
export async function tablePrimaryKey(context: NodeContext, table: string): Promise<string[] | undefined> {
	const execution = executionKeyOf(context);
	if (!execution) return await readPrimaryKey(context, table);
	const key = `${execution}\n${table}`;
	let pending = keys.get(key);
	if (!pending) {
		pending = readPrimaryKey(context, table);
		keys.set(key, pending);
		// A failed read is not kept: the next item asks again.
		pending.catch(() => keys.delete(key));
		// A bound for runs that never end cleanly: the oldest go first.
		while (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
	}
	return await pending;
}
