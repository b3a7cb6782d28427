import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { guardInput } from './guardInput';
import { assertIdentifier } from './postgrest';

/**
 * "Update If Exists": an insert that PostgREST turns into an upsert, `Prefer:
 * resolution=merge-duplicates` with `on_conflict=<columns>`. The columns must carry a unique
 * constraint in Nexus; the row already holding the value is updated with the columns sent.
 */

export const MERGE_DUPLICATES = 'resolution=merge-duplicates';

export const UPSERT_LABEL = 'Update If Exists, Matching On';

const UPSERT_DESCRIPTION =
	'A row whose value in this column already exists is updated with the fields given instead of being refused (409). The column must be unique in Nexus (otherwise Nexus answers 400, code 42P10). Empty: always insert.';

/** The option for a table whose columns are not known in advance: column names, comma-separated. */
export const upsertColumnsOption: INodeProperties = {
	displayName: UPSERT_LABEL,
	name: 'onConflict',
	type: 'string',
	default: '',
	placeholder: 'e.g. sku, or item_id,warehouse_id',
	description: `${UPSERT_DESCRIPTION} Several columns (comma-separated) when their combination is unique`,
};

/** The option for a typed resource: its candidate unique columns, any other through an expression. */
export function upsertColumnOption(columns: Array<{ name: string; value: string }>): INodeProperties {
	return {
		displayName: `${UPSERT_LABEL} Name or ID`,
		name: 'onConflict',
		type: 'options',
		options: [{ name: '— Always Insert —', value: '' }, ...columns],
		default: '',
		description: `${UPSERT_DESCRIPTION} Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

/** `on_conflict` and the `Prefer` value for the chosen columns (checked before sending), or nothing to add. */
export function upsertRequest(context: IExecuteSingleFunctions, optionsParameter = 'options'): { qs: IDataObject; prefer?: string } {
	const options = context.getNodeParameter(optionsParameter, {}) as IDataObject;
	const raw = String(options.onConflict ?? '').trim();
	if (raw === '') return { qs: {} };
	const columns = raw.split(',').map((column) => guardInput(context, () => assertIdentifier(column.trim(), UPSERT_LABEL)));
	return { qs: { on_conflict: columns.join(',') }, prefer: MERGE_DUPLICATES };
}
