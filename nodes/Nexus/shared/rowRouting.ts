import type { IDataObject, IExecuteSingleFunctions, INodePropertyRouting } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestPatch } from '../../shared/executor';
import { listQuery, type ListQueryOptions } from './listQuery';
import { organizationId } from './organization';
import { toQueryObject } from './postgrest';
import { KEYSET_PAGES } from './paging';
import { mergePrefer } from './prefer';
import { nexusExecutor, type NexusOperationSpec } from './transport';
import { upsertRequest } from './upsert';
import { readUuid } from './uuid';

/**
 * Operations over PostgREST tables: list with filters/sort/paging, get/update/delete one row by
 * id, insert a row. Typed resources use these with their table; the Table resource with any.
 */

/** Accept header that makes PostgREST answer one object, or 406 PGRST116 when not exactly one row matched. */
export const SINGLE_OBJECT = 'application/vnd.pgrst.object+json';

export const RETURN_REPRESENTATION = 'return=representation';

function parameter<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(name, fallback) as T;
}

/** Get Many over a table: Return All/Limit at 100 rows per request, every row once. */
export function listRowsRouting(
	table: string,
	what: string,
	options: ListQueryOptions & Pick<NexusOperationSpec, 'validate' | 'transform'> = {},
): INodePropertyRouting {
	return nexusExecutor.routing(
		{ method: 'GET', url: `/rest/v1/${table}` },
		{
			safeToRepeat: true,
			what,
			paging: KEYSET_PAGES,
			validate: options.validate,
			transform: options.transform,
			async request() {
				return { qs: toQueryObject(await listQuery(this, options)) };
			},
		},
	);
}

/** Get one row by id (406 with advice when it does not exist in this organization). */
export function getRowRouting(
	table: string,
	what: string,
	id: { parameter: string; label: string },
	options: { select?: string; simplifyColumns?: string[] } = {},
): INodePropertyRouting {
	return nexusExecutor.routing(
		{ method: 'GET', url: `/rest/v1/${table}` },
		{
			safeToRepeat: true,
			what,
			idParameter: id.parameter,
			request() {
				const qs: IDataObject = { id: `eq.${readUuid(this, id.parameter, id.label)}` };
				if (options.simplifyColumns && parameter(this, 'simplify', true)) qs.select = options.simplifyColumns.join(',');
				else if (options.select) qs.select = options.select;
				return { qs, headers: { Accept: SINGLE_OBJECT } };
			},
		},
	);
}

/** Body fields from a collection parameter, without empty strings (unset optional fields). */
export function collectionFields(context: IExecuteSingleFunctions, name: string): IDataObject {
	const raw = parameter<IDataObject>(context, name, {});
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === '' || value === undefined) continue;
		body[key] = value;
	}
	return body;
}

export type BodyBuilder = (this: IExecuteSingleFunctions) => IDataObject | Promise<IDataObject>;

/**
 * A write of one row of `table`, answered by the row written: PostgREST returns its
 * representation as one object (406 with advice when no row matched an id). The patch may add a
 * preference of its own (an upsert's), merged with the representation.
 */
function writeRowRouting(
	method: 'POST' | 'PATCH' | 'DELETE',
	table: string,
	what: string,
	spec: Pick<NexusOperationSpec, 'safeToRepeat' | 'idParameter' | 'deletes'> & {
		patch: (this: IExecuteSingleFunctions) => (RequestPatch & { prefer?: string }) | Promise<RequestPatch & { prefer?: string }>;
	},
): INodePropertyRouting {
	const { patch, ...call } = spec;
	return nexusExecutor.routing(
		{ method, url: `/rest/v1/${table}` },
		{
			...call,
			writes: true,
			what,
			async request(): Promise<RequestPatch> {
				const { prefer, ...request } = await patch.call(this);
				return { ...request, headers: { Prefer: mergePrefer(RETURN_REPRESENTATION, prefer), Accept: SINGLE_OBJECT } };
			},
		},
	);
}

/**
 * Insert one row (organization_id set from the key), answering the row written. With `upsert`,
 * the Options' "Update If Exists" turns it into an upsert on the chosen column.
 */
export function createRowRouting(
	table: string,
	what: string,
	body: BodyBuilder,
	options: { withOrganization?: boolean; upsert?: boolean } = {},
): INodePropertyRouting {
	return writeRowRouting('POST', table, what, {
		safeToRepeat: false,
		async patch() {
			const upsert = options.upsert ? upsertRequest(this) : { qs: {} };
			const row = await body.call(this);
			if (options.withOrganization !== false) row.organization_id = await organizationId(this);
			return { qs: upsert.qs, body: row, prefer: upsert.prefer };
		},
	});
}

/** Update one row by id, answering the row written (406 with advice when it does not exist). */
export function updateRowRouting(
	table: string,
	what: string,
	id: { parameter: string; label: string },
	body: BodyBuilder,
	fieldsLabel = 'Update Fields',
): INodePropertyRouting {
	return writeRowRouting('PATCH', table, what, {
		safeToRepeat: true,
		idParameter: id.parameter,
		async patch() {
			const rowId = readUuid(this, id.parameter, id.label);
			const row = await body.call(this);
			if (Object.keys(row).length === 0) {
				throw new NodeOperationError(this.getNode(), `${fieldsLabel}: nothing to update`, {
					description: `Add at least one field under "${fieldsLabel}".`,
				});
			}
			return { qs: { id: `eq.${rowId}` }, body: row };
		},
	});
}

/** Delete one row by id, answering the deleted row (406 with advice when it does not exist). */
export function deleteRowRouting(table: string, what: string, id: { parameter: string; label: string }): INodePropertyRouting {
	return writeRowRouting('DELETE', table, what, {
		// Repeating a delete that went through would answer "not found".
		safeToRepeat: false,
		deletes: true,
		idParameter: id.parameter,
		patch() {
			return { qs: { id: `eq.${readUuid(this, id.parameter, id.label)}` } };
		},
	});
}
