import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { keysetPage, takeKey, type KeyValue } from '../shared/keyset';
import { quoteIfNeeded, toQueryObject, type QueryPairs } from '../shared/postgrest';
import { nexusApiRequest } from '../shared/transport';
import { withColumnFallback } from '../shared/unknownColumn';

/**
 * Searchable pickers (resource locators). A search text matches any of a few columns with
 * `ilike`: LIKE's own wildcards in it are escaped and the value is quoted by PostgREST's rules,
 * so what the user types is searched for literally. "Load more" continues after the last row
 * shown (its sort key is the pagination token), so rows created meanwhile never repeat an entry.
 */

const PAGE = 50;

function containsPattern(text: string): string {
	const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '');
	return quoteIfNeeded(`*${escaped}*`);
}

/** What a picker lists: the columns read and searched, the order, and the name shown for a row (its value is its id). */
interface RowSearch {
	select: string;
	columns: string[];
	order: string;
	nameOf: (row: IDataObject) => string;
}

type ListSearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

async function search(context: ILoadOptionsFunctions, table: string, options: RowSearch, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const query: QueryPairs = [
		['select', options.select],
		['order', options.order],
	];
	const text = (filter ?? '').trim();
	if (text !== '') {
		const pattern = containsPattern(text);
		query.push(['or', `(${options.columns.map((column) => `${column}.ilike.${pattern}`).join(',')})`]);
	}
	// The orders here are plain columns, so a key always exists.
	const { pairs, key } = keysetPage(query, afterToken(paginationToken, options.order), PAGE) as NonNullable<ReturnType<typeof keysetPage>>;
	const answer = await nexusApiRequest.call(context, 'GET', `/rest/v1/${table}`, { safeToRepeat: true, what: table }, { qs: toQueryObject(pairs) });
	const rows = (Array.isArray(answer.body) ? answer.body : []) as IDataObject[];
	let last: KeyValue[] | undefined;
	for (const row of rows) last = takeKey(row, key);
	return {
		results: rows.map((row) => ({ name: options.nameOf(row), value: String(row.id) })),
		paginationToken: rows.length === PAGE && last ? JSON.stringify({ order: options.order, after: last }) : undefined,
	};
}

/** The key a "load more" token carries, if it was made for this order (else: the first page). */
function afterToken(token: string | undefined, order: string): KeyValue[] | undefined {
	if (!token) return undefined;
	try {
		const parsed = JSON.parse(token) as { order?: unknown; after?: unknown };
		if (parsed.order !== order || !Array.isArray(parsed.after)) return undefined;
		if (!parsed.after.every((value) => value === null || typeof value === 'string')) return undefined;
		return parsed.after as KeyValue[];
	} catch {
		return undefined;
	}
}

function joined(...parts: unknown[]): string {
	return parts.filter((part) => typeof part === 'string' && part.trim() !== '').join(' ');
}

/** `preferred`, or `fallback` where the database lacks a column `preferred` names. */
function withFallback(preferred: ListSearchMethod, fallback: ListSearchMethod): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await withColumnFallback(
			async () => await preferred.call(this, filter, paginationToken),
			async () => await fallback.call(this, filter, paginationToken),
		);
	};
}

/** The search method of a picker over `table`. */
function rowSearch(table: string, options: RowSearch): ListSearchMethod {
	return async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, table, options, filter, paginationToken);
	};
}

export const nexusListSearch: Record<string, ListSearchMethod> = {
	searchContacts: rowSearch('customers', {
		select: 'id,first_name,last_name,phone_number,email',
		columns: ['first_name', 'last_name', 'phone_number', 'email'],
		order: 'created_at.desc,id.asc',
		nameOf: (row) =>
			joined(row.first_name, row.last_name, row.phone_number ? `(${String(row.phone_number)})` : undefined) || String(row.email ?? row.id),
	}),

	searchOrders: rowSearch('orders', {
		select: 'id,order_number,order_status,total_amount,currency',
		columns: ['order_number', 'shopify_order_id', 'awb_number'],
		order: 'created_at.desc,id.asc',
		nameOf: (row) =>
			`${String(row.order_number ?? row.id)} · ${String(row.order_status ?? '')} · ${String(row.total_amount ?? '')} ${String(row.currency ?? '')}`.trim(),
	}),

	searchConversations: rowSearch('chats', {
		select: 'id,platform,contact_name,contact_phone',
		columns: ['contact_name', 'contact_phone', 'platform_chat_id'],
		order: 'last_message_time.desc.nullslast,id.asc',
		nameOf: (row) => `${joined(row.contact_name, row.contact_phone) || String(row.id)} · ${String(row.platform ?? '')}`,
	}),

	// Databases without items.name are searched by description instead.
	searchItems: withFallback(
		rowSearch('items', {
			select: 'id,name,sku,item_no',
			columns: ['name', 'sku', 'item_no', 'barcode'],
			order: 'name.asc,id.asc',
			nameOf: (row) => `${String(row.name ?? row.item_no ?? row.id)}${row.sku ? ` (${String(row.sku)})` : ''}`,
		}),
		rowSearch('items', {
			select: 'id,description,sku,item_no',
			columns: ['description', 'sku', 'item_no', 'barcode'],
			order: 'description.asc,id.asc',
			nameOf: (row) => `${String(row.description ?? row.item_no ?? row.id)}${row.sku ? ` (${String(row.sku)})` : ''}`,
		}),
	),
};
