
import { quoteIfNeeded, valueText, type QueryPairs } from './queryPairs';

/**
 * PostgREST query building for Nexus: filters, logic trees and sort (reading rows: fetchAllRows.ts).
 *
 * PostgREST's grammar (QueryParams.hs): a top-level filter `col=op.value` takes the value
 * verbatim (everything after the operator), but inside `in.(…)` and logic trees
 * `or=(…)`/`and=(…)` a `,` `)` or `(` ends or opens a term, so a value holding a reserved
 * character is wrapped in double quotes with `"` and `\` backslash-escaped. The whole value is
 * then URL-encoded by n8n's request helper. A value can therefore never change the structure of
 * the query.
 */

export type { QueryPairs } from './queryPairs';
export { needsQuoting, quote, quoteIfNeeded, toQueryObject, toQueryPairs } from './queryPairs';

/** Raised by the pure functions here for bad input; the node turns it into a NodeOperationError. */
export class QueryInputError extends Error {
	constructor(
		/** The parameter's display name, e.g. "Filters" or "Sort". */
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'QueryInputError';
	}
}

export type FilterOperator =
	| 'eq'
	| 'neq'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'like'
	| 'ilike'
	| 'in'
	| 'notIn'
	| 'isNull'
	| 'notNull';

export const FILTER_OPERATORS: ReadonlyArray<{ name: string; value: FilterOperator; description: string }> = [
	{ name: 'Equals', value: 'eq', description: 'Column equals the value (eq)' },
	{ name: 'Greater Than', value: 'gt', description: 'Column is greater than the value (gt)' },
	{ name: 'Greater Than or Equal', value: 'gte', description: 'Column is greater than or equal to the value (gte)' },
	{ name: 'ILike (Case-Insensitive Pattern)', value: 'ilike', description: 'Case-insensitive pattern; * or % matches any text (ilike)' },
	{ name: 'In List', value: 'in', description: 'Column equals one of the values: comma-separated, or a JSON array when values contain commas (in)' },
	{ name: 'Is Not Null', value: 'notNull', description: 'Column has a value (not.is.null)' },
	{ name: 'Is Null', value: 'isNull', description: 'Column is empty (is.null)' },
	{ name: 'Less Than', value: 'lt', description: 'Column is less than the value (lt)' },
	{ name: 'Less Than or Equal', value: 'lte', description: 'Column is less than or equal to the value (lte)' },
	{ name: 'Like (Pattern)', value: 'like', description: 'Case-sensitive pattern; * or % matches any text (like)' },
	{ name: 'Not Equals', value: 'neq', description: 'Column differs from the value (neq)' },
	{ name: 'Not In List', value: 'notIn', description: 'Column equals none of the values (not.in)' },
];

const OPERATOR_VALUES = new Set<string>(FILTER_OPERATORS.map((operator) => operator.value));

export interface FilterRow {
	column: string;
	operator: FilterOperator;
	/** Ignored for isNull/notNull; for in/notIn a list (array, JSON array text, or comma-separated text). */
	value?: unknown;
}

export interface SortRow {
	column: string;
	direction?: 'asc' | 'desc';
	nulls?: 'first' | 'last' | 'default';
}

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A plain column or table name: letters, digits and underscores (what every Nexus name is). */
export function isIdentifier(name: string): boolean {
	return COLUMN_NAME.test(name);
}

/**
 * Names PostgREST reads as its own parameters or logic operators: as a filter key, a logic-tree
 * column or a sort column they are misread (400 PGRST100), so a column cannot be named so here.
 */
export const POSTGREST_RESERVED_NAMES: ReadonlySet<string> = new Set([
	'or',
	'and',
	'not',
	'select',
	'order',
	'limit',
	'offset',
	'on_conflict',
	'columns',
]);

export function assertIdentifier(name: unknown, field: string, what = 'column'): string {
	const text = typeof name === 'string' ? name.trim() : '';
	if (text === '') throw new QueryInputError(field, `${field}: the ${what} name is empty`);
	if (!isIdentifier(text)) {
		throw new QueryInputError(
			field,
			`${field}: "${text}" is not a valid ${what} name (use letters, digits and underscores, e.g. order_status)`,
		);
	}
	if (what === 'column' && POSTGREST_RESERVED_NAMES.has(text)) {
		throw new QueryInputError(
			field,
			`${field}: "${text}" is a name PostgREST reserves for its own parameters and cannot be used as a column here; filter on it with a view, or pick another column`,
		);
	}
	return text;
}

function parseJsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

function decodeOrUndefined(text: string): string | undefined {
	try {
		return decodeURIComponent(text);
	} catch {
		return undefined;
	}
}

/** An `in` list from an array, a JSON array written as text, or comma-separated text. */
export function parseListValue(value: unknown, field: string): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else {
		const text = valueText(value).trim();
		if (text.startsWith('[')) {
			const parsed = parseJsonOrUndefined(text);
			if (!Array.isArray(parsed)) {
				throw new QueryInputError(field, `${field}: "${text}" looks like a JSON array but is not valid JSON`);
			}
			list = parsed;
		} else list = text === '' ? [] : text.split(',').map((part) => part.trim());
	}
	list.forEach((entry) => refuseRoundedNumber(entry, field));
	const values = list.map(valueText);
	if (values.length === 0) throw new QueryInputError(field, `${field}: the list for "in" is empty`);
	return values;
}

/**
 * A filter value that is an integer beyond 2^53 was rounded before the node saw it (an expression
 * such as `{{ 32414268188027655 }}`): matching on it would find another row, or none.
 */
function refuseRoundedNumber(value: unknown, field: string): void {
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw new QueryInputError(
			field,
			`${field}: the value ${String(value)} is a number above 2^53, which was rounded before the node saw it; pass it as text`,
		);
	}
}

/** `(a,"b,c")` */
export function listExpression(values: string[]): string {
	return `(${values.map(quoteIfNeeded).join(',')})`;
}

/**
 * `op.value` for one filter. Top level (`col=eq.value`) the value is taken verbatim by
 * PostgREST; inside a logic tree it is quoted when needed.
 */
export function operatorExpression(row: FilterRow, inLogicTree: boolean, field = 'Filters'): string {
	if (!OPERATOR_VALUES.has(row.operator)) {
		throw new QueryInputError(field, `${field}: unknown operator "${String(row.operator)}"`);
	}
	refuseRoundedNumber(row.value, field);
	switch (row.operator) {
		case 'isNull':
			return 'is.null';
		case 'notNull':
			return 'not.is.null';
		case 'in':
			return `in.${listExpression(parseListValue(row.value, field))}`;
		case 'notIn':
			return `not.in.${listExpression(parseListValue(row.value, field))}`;
		default: {
			const text = valueText(row.value);
			return `${row.operator}.${inLogicTree ? quoteIfNeeded(text) : text}`;
		}
	}
}

/** One logic-tree term: `col.op.value`. */
export function logicTerm(row: FilterRow, field = 'Filters'): string {
	return `${assertIdentifier(row.column, field)}.${operatorExpression(row, true, field)}`;
}

/** Reserved query keys that the node sets itself; a raw filter may not override them. */
const RESERVED_KEYS = new Set(['select', 'order', 'limit', 'offset', 'on_conflict', 'columns']);

/**
 * A raw PostgREST filter string written by an expert: `order_status=in.(pending,confirmed)&or=(…)`,
 * optionally URL-encoded. Keys must be columns (or `or`/`and`/`not.or`/`not.and`, or
 * `embedded.column`); paging, sort and select stay under the node's control.
 */
export function parseRawFilter(raw: string, field = 'Raw Filter'): QueryPairs {
	const pairs: QueryPairs = [];
	const text = raw.trim().replace(/^\?/, '');
	if (text === '') return pairs;
	for (const part of text.split('&')) {
		if (part.trim() === '') continue;
		const eq = part.indexOf('=');
		if (eq <= 0) throw new QueryInputError(field, `${field}: "${part}" is not of the form column=operator.value`);
		const key = decodeOrUndefined(part.slice(0, eq).trim());
		const value = decodeOrUndefined(part.slice(eq + 1));
		if (key === undefined || value === undefined) {
			throw new QueryInputError(field, `${field}: "${part}" contains an invalid %-escape`);
		}
		if (RESERVED_KEYS.has(key)) {
			throw new QueryInputError(field, `${field}: "${key}" cannot be set here; use the node's Sort, Return All and Limit options`);
		}
		if (key === 'not') {
			throw new QueryInputError(field, `${field}: "not" is a name PostgREST reserves and cannot be a column here; negate a filter with not., e.g. order_status=not.eq.cancelled`);
		}
		if (!/^(not\.)?(or|and)$/.test(key) && !/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(key)) {
			throw new QueryInputError(field, `${field}: "${key}" is not a column name`);
		}
		pairs.push([key, value]);
	}
	return pairs;
}

/**
 * Filter rows combined with AND (one `col=op.value` pair each; a column may repeat) or OR (one
 * `or=(…)` logic tree), plus a raw filter string.
 */
export function buildFilters(
	rows: FilterRow[],
	combine: 'and' | 'or' = 'and',
	raw?: string,
	fields: { filters?: string; raw?: string } = {},
): QueryPairs {
	const filtersField = fields.filters ?? 'Filters';
	const pairs: QueryPairs = [];
	if (combine === 'or' && rows.length > 1) {
		pairs.push(['or', `(${rows.map((row) => logicTerm(row, filtersField)).join(',')})`]);
	} else {
		for (const row of rows) {
			pairs.push([assertIdentifier(row.column, filtersField), operatorExpression(row, false, filtersField)]);
		}
	}
	if (raw) pairs.push(...parseRawFilter(raw, fields.raw ?? 'Raw Filter'));
	return pairs;
}

/**
 * `order=created_at.desc,id.asc`: the sort columns, then `tiebreaker.asc` unless already
 * sorted by it, so pages split at a total order and no row is read twice or skipped.
 */
export function orderParam(sorts: SortRow[], tiebreaker: string | undefined = 'id', field = 'Sort'): string {
	const terms: string[] = [];
	const seen = new Set<string>();
	for (const sort of sorts) {
		const column = assertIdentifier(sort.column, field);
		if (seen.has(column)) continue;
		seen.add(column);
		let term = `${column}.${sort.direction === 'desc' ? 'desc' : 'asc'}`;
		if (sort.nulls === 'first') term += '.nullsfirst';
		else if (sort.nulls === 'last') term += '.nullslast';
		terms.push(term);
	}
	if (tiebreaker && !seen.has(tiebreaker)) terms.push(`${tiebreaker}.asc`);
	return terms.join(',');
}
