import type { IDataObject } from 'n8n-workflow';

import { toItems, type ParsedAnswer } from '../../shared/http';
import { NEXUS_MAX_PAGE_SIZE } from './pageSize';
import { quoteIfNeeded, toQueryObject, type QueryPairs } from './queryPairs';

/**
 * Keyset paging for PostgREST listings: page 2 asks for the rows "after the last row of page 1"
 * in the listing's full sort key (the sort columns, then the table's primary key: `id` by
 * default), not for "rows 100 to 199". A row inserted or deleted before that point while the
 * listing runs then moves no other row across a page boundary, so nothing repeats and nothing is skipped. (Offset paging shifts every later row
 * by one per insert or delete: Order → Get Many, newest first, repeated one order per order
 * created meanwhile.)
 *
 * The key values are asked for as text (`nexus_keyset_0:created_at::text`) and sent back verbatim, so they
 * round-trip exactly whatever the column's type: timestamps to the microsecond, numerics of any
 * precision, ids above 2^53. The aliased key columns are removed from the rows before they are
 * output. No exact count is asked for: a page shorter than asked for is the last one.
 */


export interface KeyColumn {
	column: string;
	direction: 'asc' | 'desc';
	/** Where NULLs sort: PostgREST's (and Postgres') default is last for asc, first for desc. */
	nulls: 'first' | 'last';
}

const ORDER_TERM = /^([A-Za-z_][A-Za-z0-9_]*)(?:\.(asc|desc))?(?:\.(nullsfirst|nullslast))?$/;

/**
 * The sort key of an `order` value, up to and including the columns of the table's primary key
 * `unique` (`id` by default; each one the order does not name appended ascending, in key order).
 * Undefined when a term is not a plain column (a JSON path, an embedded resource's column), or
 * when the table has no key (`unique` empty): no key can be built then.
 */
export function sortKey(order: string | undefined, unique: readonly string[] = ['id']): KeyColumn[] | undefined {
	if (!unique.length) return undefined;
	const key: KeyColumn[] = [];
	const seen = new Set<string>();
	for (const raw of (order ?? '').split(',')) {
		const term = raw.trim();
		if (term === '') continue;
		const match = ORDER_TERM.exec(term);
		if (!match) return undefined;
		const [, column, direction = 'asc', nulls] = match;
		// A column sorted twice: Postgres orders by its first appearance only.
		if (seen.has(column)) continue;
		seen.add(column);
		const dir = direction === 'desc' ? 'desc' : 'asc';
		key.push({
			column,
			direction: dir,
			nulls: nulls === 'nullsfirst' ? 'first' : nulls === 'nullslast' ? 'last' : dir === 'asc' ? 'last' : 'first',
		});
		// Past the whole primary key later terms never decide anything.
		if (unique.every((name) => seen.has(name))) return key;
	}
	for (const column of unique) if (!seen.has(column)) key.push({ column, direction: 'asc', nulls: 'last' });
	return key;
}

/** The `order` value for a key: `created_at.desc,id.asc` (NULL placement written only when not the default). */
export function keyOrder(key: KeyColumn[]): string {
	return key
		.map(({ column, direction, nulls }) => {
			const byDefault = direction === 'asc' ? 'last' : 'first';
			return `${column}.${direction}${nulls === byDefault ? '' : `.nulls${nulls}`}`;
		})
		.join(',');
}

/** The alias a key column is read under, named so it does not meet a real column. */
export function keyAlias(index: number): string {
	return `nexus_keyset_${index}`;
}

/** `select` with the key columns added as text under their aliases (`*` when the user chose no columns). */
export function selectWithKey(select: string | undefined, key: KeyColumn[]): string {
	const base = select === undefined || select.trim() === '' ? '*' : select.trim();
	return [base, ...key.map(({ column }, index) => `${keyAlias(index)}:${column}::text`)].join(',');
}

/** A key value as read from a row: the text the server wrote, or null. */
export type KeyValue = string | null;

function equalTo(column: string, value: KeyValue): string {
	return value === null ? `${column}.is.null` : `${column}.eq.${quoteIfNeeded(value)}`;
}

/**
 * Rows strictly after `value` in one column's order; undefined when none can be (a NULL sorted
 * last). `neverNull`: the unique last column (`id`), whose NULLs need no branch.
 */
function after(key: KeyColumn, value: KeyValue, neverNull: boolean): string | undefined {
	const { column, direction, nulls } = key;
	if (value === null) return nulls === 'first' ? `${column}.not.is.null` : undefined;
	const beyond = `${column}.${direction === 'asc' ? 'gt' : 'lt'}.${quoteIfNeeded(value)}`;
	return nulls === 'last' && !neverNull ? `or(${beyond},${column}.is.null)` : beyond;
}

/**
 * The PostgREST logic tree (the value of an `or=` key) for "after the row whose key is `values`":
 * for each column, the rows equal on every column before it and after it on this one.
 * `(created_at.lt."2026-05-01 10:00:00.123456+00",and(created_at.eq."…",id.gt.…))`.
 */
export function afterKeyCondition(key: KeyColumn[], values: KeyValue[]): string {
	if (values.length !== key.length) throw new Error('Key values do not match the sort key');
	const branches: string[] = [];
	for (let i = 0; i < key.length; i++) {
		const beyond = after(key[i], values[i], i === key.length - 1);
		if (beyond === undefined) continue;
		const equal = key.slice(0, i).map((column, j) => equalTo(column.column, values[j]));
		branches.push(equal.length ? `and(${[...equal, beyond].join(',')})` : beyond);
	}
	// The last key column is unique and never NULL, so there is always a branch.
	if (!branches.length) throw new Error('No row can follow this key');
	return `(${branches.join(',')})`;
}

/**
 * The user's filters AND the keyset condition. The condition takes a logic key the query does
 * not use yet (`or`, else `and=(or(…))`), or joins the user's first `and` tree, so no logic key
 * is repeated: every reading of PostgREST's grammar combines them with AND.
 */
export function withCondition(filters: QueryPairs, condition: string): QueryPairs {
	const pairs = filters.slice();
	if (!pairs.some(([key]) => key === 'or')) {
		pairs.push(['or', condition]);
		return pairs;
	}
	const andIndex = pairs.findIndex(([key]) => key === 'and');
	if (andIndex === -1) {
		pairs.push(['and', `(or${condition})`]);
		return pairs;
	}
	const tree = pairs[andIndex][1].trim();
	pairs[andIndex] = ['and', `${tree.slice(0, -1)},or${condition})`];
	return pairs;
}

/** The key values of a row (its aliased text columns), which are then removed from the row. */
export function takeKey(row: IDataObject, key: KeyColumn[]): KeyValue[] {
	return key.map((_, index) => {
		const alias = keyAlias(index);
		const value = row[alias];
		delete row[alias];
		if (value === undefined) throw new Error(`Nexus answered a row without the sort key column "${key[index].column}"`);
		return value === null ? null : String(value);
	});
}

export type FetchPage = (qs: IDataObject) => Promise<ParsedAnswer>;
export type ExtractRows = (answer: unknown) => IDataObject[];

const defaultExtract: ExtractRows = (answer) => toItems(answer).map((item) => item.json);

/** Keys the reader sets itself; a query's own values for them are replaced. */
const PAGING_KEYS = new Set(['select', 'order', 'limit', 'offset']);

/** The query's `order` value (the last one, as PostgREST reads it). */
function sortOrderOf(query: QueryPairs): string | undefined {
	return query.filter(([name]) => name === 'order').pop()?.[1];
}

export interface KeysetPage {
	/** The whole query of the page: filters (and the condition), `select` with the key, `order`, `limit`. */
	pairs: QueryPairs;
	key: KeyColumn[];
}

/**
 * The query of one page of `size` rows after the row whose key is `after` (the first page when
 * absent). Undefined when the query's order cannot be keyed.
 */
export function keysetPage(query: QueryPairs, after: KeyValue[] | undefined, size: number, unique?: readonly string[]): KeysetPage | undefined {
	const key = sortKey(sortOrderOf(query), unique);
	if (!key) return undefined;
	const filters = query.filter(([name]) => !PAGING_KEYS.has(name));
	const select = query.find(([name]) => name === 'select')?.[1];
	return {
		key,
		pairs: [
			...(after ? withCondition(filters, afterKeyCondition(key, after)) : filters),
			['select', selectWithKey(select, key)],
			['order', keyOrder(key)],
			['limit', String(size)],
		],
	};
}

/**
 * Whether a failure is the server saying the table has no `id` column (Postgres 42703, "column
 * t.id does not exist"), as the transport's errors carry it (`context.nexus`).
 */
export function isMissingIdColumn(failure: unknown): boolean {
	const vendor = (failure as { context?: { nexus?: { code?: unknown; message?: unknown } } } | undefined)?.context?.nexus;
	return vendor?.code === '42703' && typeof vendor.message === 'string' && /\bcolumn\s+(?:\S+\.)?"?id"?\s+does not exist/.test(vendor.message);
}

/**
 * Reads every row of a PostgREST query (its filters, `select` and `order`), at most 100 per
 * request, until `limit` rows (undefined: all), by key (see above; `unique`: the table's primary
 * key, `id` by default). `fetchPage` receives the whole query of each page. A query whose order
 * cannot be keyed, or of a table without a primary key, is read by offset, each `id` kept once;
 * so is a table assumed keyed on `id` that has no `id` column, when its order does not name `id`
 * (the first page then fails with 42703 and is asked again by offset): its rows cannot be told
 * apart, so a row shifted by a change meanwhile can repeat or be missed.
 */
export async function readKeysetPages(
	query: QueryPairs,
	fetchPage: FetchPage,
	limit: number | undefined,
	extract: ExtractRows = defaultExtract,
	unique?: readonly string[],
): Promise<IDataObject[]> {
	if (!sortKey(sortOrderOf(query), unique)) return await readOffsetPages(query, fetchPage, limit, extract);
	const rows: IDataObject[] = [];
	let last: KeyValue[] | undefined;
	for (;;) {
		const wanted = limit === undefined ? NEXUS_MAX_PAGE_SIZE : Math.min(NEXUS_MAX_PAGE_SIZE, limit - rows.length);
		if (wanted <= 0) break;
		const { pairs, key } = keysetPage(query, last, wanted, unique) as KeysetPage;
		const outcome = await fetchPage(toQueryObject(pairs)).then(
			(answer) => ({ answer, failure: undefined }),
			(failure: unknown) => ({ answer: undefined, failure }),
		);
		if (outcome.answer === undefined) {
			const ownId = /(^|,)\s*id(\.|,|$)/.test(String(sortOrderOf(query)));
			if (last === undefined && !ownId && isMissingIdColumn(outcome.failure)) return await readOffsetPages(query, fetchPage, limit, extract);
			throw outcome.failure;
		}
		const page = extract(outcome.answer.body);
		for (const row of page) {
			last = takeKey(row, key);
			if (rows.length < (limit ?? Number.POSITIVE_INFINITY)) rows.push(row);
		}
		// A short page is the last: Nexus never answers fewer rows than asked for while more match.
		if (page.length < wanted) break;
	}
	return rows;
}

/**
 * Offset paging where no key exists: a row inserted or deleted meanwhile may shift others, so
 * a row read twice is output once (by `id`); a row shifted past a page boundary can be missed.
 */
async function readOffsetPages(
	query: QueryPairs,
	fetchPage: FetchPage,
	limit: number | undefined,
	extract: ExtractRows,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const seen = new Set<string>();
	for (let offset = 0; ; ) {
		const wanted = limit === undefined ? NEXUS_MAX_PAGE_SIZE : Math.min(NEXUS_MAX_PAGE_SIZE, limit - rows.length);
		if (wanted <= 0) break;
		const pairs: QueryPairs = [...query.filter(([name]) => name !== 'limit' && name !== 'offset'), ['limit', String(wanted)], ['offset', String(offset)]];
		const page = extract((await fetchPage(toQueryObject(pairs))).body);
		for (const row of page) {
			const id = row.id === undefined || row.id === null ? undefined : String(row.id);
			if (id !== undefined) {
				if (seen.has(id)) continue;
				seen.add(id);
			}
			if (rows.length < (limit ?? Number.POSITIVE_INFINITY)) rows.push(row);
		}
		offset += page.length;
		if (page.length < wanted) break;
	}
	return rows;
}
