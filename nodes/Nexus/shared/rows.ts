import type {
	IDataObject,
	IExecuteSingleFunctions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { organizationId } from './organization';
import {
	assertIdentifier,
	buildFilters,
	orderParam,
	QueryInputError,
	toQueryObject,
	type FilterRow,
	type QueryPairs,
	type SortRow,
} from './postgrest';
import { nexusRouting, type NexusRequestPatch, type NexusRoutingSpec } from './transport';
import { quoteValue } from '../../shared/quote';

/**
 * Operations over PostgREST tables: list with filters/sort/paging, get/update/delete one row by
 * id, insert a row. Typed resources use these with their table; the Table resource with any.
 */

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accept header that makes PostgREST answer one object, or 406 PGRST116 when not exactly one row matched. */
export const SINGLE_OBJECT = 'application/vnd.pgrst.object+json';

export const RETURN_REPRESENTATION = 'return=representation';

/** An operation of a resource: its entry in the Operation dropdown and its parameters. */
export interface NexusOperation {
	option: INodePropertyOptions & { value: string; action: string; routing: INodePropertyRouting };
	properties: INodeProperties[];
}

/** The Operation dropdown of a resource and every operation's parameters, shown for that resource and operation only. */
export function resourceProperties(resource: string, operations: NexusOperation[], defaultOperation: string): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const properties = operations.flatMap((operation) =>
		operation.properties.map((property) => ({
			...property,
			displayOptions: {
				...(property.displayOptions ?? {}),
				show: {
					...(property.displayOptions?.show ?? {}),
					resource: [resource],
					operation: [operation.option.value],
				},
			},
		})),
	);
	return [selector, ...properties];
}

/** Runs pure query building and turns its input errors into a NodeOperationError naming the field. */
export function guardInput<T>(context: Pick<IExecuteSingleFunctions, 'getNode'>, build: () => T): T {
	try {
		return build();
	} catch (error) {
		if (error instanceof QueryInputError) {
			throw new NodeOperationError(context.getNode(), error.message, {
				description: `Check the "${error.field}" parameter.`,
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

/** A UUID parameter (plain or resource locator): empty or not a UUID is a NodeOperationError naming it. */
export function readUuid(context: IExecuteSingleFunctions, parameter: string, label: string): string {
	const raw = context.getNodeParameter(parameter, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			description: `Enter the ${label} (a UUID such as 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c), or an expression that gives it.`,
		});
	}
	if (!UUID.test(value)) {
		throw new NodeOperationError(context.getNode(), `${label} ${quoteValue(value)} is not a valid ID`, {
			description: `${label} must be a UUID such as 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c.`,
		});
	}
	return value.toLowerCase();
}

function parameter<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	return context.getNodeParameter(name, fallback) as T;
}

export interface ListQueryOptions {
	/** Columns returned when Simplify is on (absent: the operation has no Simplify). */
	simplifyColumns?: string[];
	/** Sort when the user sets none. */
	defaultSort?: SortRow[];
	/** Filters the operation always applies (e.g. the conversation of Message → Get Many). */
	fixed?: (this: IExecuteSingleFunctions) => QueryPairs | Promise<QueryPairs>;
}

/** The query of a listing from the parameters Filters, Options (match, raw filter, sort, fields) and Simplify. */
export async function listQuery(context: IExecuteSingleFunctions, options: ListQueryOptions): Promise<QueryPairs> {
	const filters = parameter<{ conditions?: FilterRow[] }>(context, 'filters', {});
	const listOptions = parameter<IDataObject>(context, 'options', {});
	const sortRows = ((listOptions.sort as IDataObject | undefined)?.fields ?? []) as SortRow[];
	const fixed = options.fixed ? await options.fixed.call(context) : [];
	return guardInput(context, () => {
		const select = String(listOptions.select ?? '').trim();
		// The user's Fields win over a select the operation sets (e.g. embedding line items).
		const pairs: QueryPairs = fixed.filter(([key]) => select === '' || key !== 'select');
		const operationSelects = pairs.some(([key]) => key === 'select');
		pairs.push(
			...buildFilters(filters.conditions ?? [], listOptions.match === 'or' ? 'or' : 'and', String(listOptions.rawFilter ?? ''), {
				filters: 'Filters',
				raw: 'Raw Filter',
			}),
		);
		if (select !== '') pairs.push(['select', select.replace(/\s+/g, '')]);
		else if (!operationSelects && options.simplifyColumns && parameter(context, 'simplify', true)) {
			pairs.push(['select', options.simplifyColumns.join(',')]);
		}
		// The reader adds the `id` tiebreaker (and leaves it out for a table without one).
		const order = orderParam(sortRows.length ? sortRows : (options.defaultSort ?? []), '', 'Sort');
		if (order !== '') pairs.push(['order', order]);
		return pairs;
	});
}

/** Get Many over a table: Return All/Limit at 100 rows per request, every row once. */
export function listRowsRouting(
	table: string,
	what: string,
	options: ListQueryOptions & { validate?: NexusRoutingSpec['validate'] } = {},
): INodePropertyRouting {
	return nexusRouting(
		{ method: 'GET', url: `/rest/v1/${table}` },
		{
			safeToRepeat: true,
			what,
			pagination: 'postgrest',
			validate: options.validate,
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
	return nexusRouting(
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

/** Insert one row (organization_id set from the key), answering the row written. */
export function createRowRouting(
	table: string,
	what: string,
	body: BodyBuilder,
	options: { withOrganization?: boolean } = {},
): INodePropertyRouting {
	return nexusRouting(
		{ method: 'POST', url: `/rest/v1/${table}` },
		{
			safeToRepeat: false,
			writes: true,
			what,
			async request(): Promise<NexusRequestPatch> {
				const row = await body.call(this);
				if (options.withOrganization !== false) row.organization_id = await organizationId(this);
				return { body: row, headers: { Prefer: RETURN_REPRESENTATION, Accept: SINGLE_OBJECT } };
			},
		},
	);
}

/** Update one row by id, answering the row written (406 with advice when it does not exist). */
export function updateRowRouting(
	table: string,
	what: string,
	id: { parameter: string; label: string },
	body: BodyBuilder,
	fieldsLabel = 'Update Fields',
): INodePropertyRouting {
	return nexusRouting(
		{ method: 'PATCH', url: `/rest/v1/${table}` },
		{
			safeToRepeat: true,
			writes: true,
			what,
			idParameter: id.parameter,
			async request(): Promise<NexusRequestPatch> {
				const rowId = readUuid(this, id.parameter, id.label);
				const row = await body.call(this);
				if (Object.keys(row).length === 0) {
					throw new NodeOperationError(this.getNode(), `${fieldsLabel}: nothing to update`, {
						description: `Add at least one field under "${fieldsLabel}".`,
					});
				}
				return {
					qs: { id: `eq.${rowId}` },
					body: row,
					headers: { Prefer: RETURN_REPRESENTATION, Accept: SINGLE_OBJECT },
				};
			},
		},
	);
}

/** Delete one row by id, answering the deleted row (406 with advice when it does not exist). */
export function deleteRowRouting(table: string, what: string, id: { parameter: string; label: string }): INodePropertyRouting {
	return nexusRouting(
		{ method: 'DELETE', url: `/rest/v1/${table}` },
		{
			// Repeating a delete that went through would answer "not found".
			safeToRepeat: false,
			writes: true,
			what,
			idParameter: id.parameter,
			request() {
				return {
					qs: { id: `eq.${readUuid(this, id.parameter, id.label)}` },
					headers: { Prefer: RETURN_REPRESENTATION, Accept: SINGLE_OBJECT },
				};
			},
		},
	);
}

/** The filter pairs of Filters + Options → Match / Raw Filter (no sort, no select). */
export function filterPairs(context: IExecuteSingleFunctions): QueryPairs {
	const filters = parameter<{ conditions?: FilterRow[] }>(context, 'filters', {});
	const options = parameter<IDataObject>(context, 'options', {});
	return guardInput(context, () =>
		buildFilters(filters.conditions ?? [], options.match === 'or' ? 'or' : 'and', String(options.rawFilter ?? ''), {
			filters: 'Filters',
			raw: 'Raw Filter',
		}),
	);
}

/** The Table parameter, checked to be a plain table name. */
export function readTable(context: IExecuteSingleFunctions): string {
	return guardInput(context, () => assertIdentifier(context.getNodeParameter('table', ''), 'Table', 'table'));
}
