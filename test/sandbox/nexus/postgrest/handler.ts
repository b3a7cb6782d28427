/**
 * `/rest/v1/<table>`: PostgREST's request handling (reads with Range/count, writes with
 * Prefer, single-object responses) over the SQL from sql.ts, one transaction per request.
 */
import type { Catalog } from '../catalog';
import { type SerialDb, toPgError } from '../db';
import { type ApiRequest, header, JSON_TYPE, type Reply } from '../http';
import { ApiError, errors, fromPgError, pgrstError } from './errors';
import { type ParsedQuery, parseQuery, QueryParseError } from './parse';
import { buildDelete, buildInsert, buildRead, buildUpdate, hasRootFilters, type Resolution } from './sql';

export interface RestOptions {
	catalog: () => Catalog;
	db: SerialDb;
	/** Nexus caps every page at 100 rows (PostgREST `db-max-rows`). */
	maxRows: number;
}

export interface RestCaller {
	role: 'anon' | 'authenticated';
	claims: Record<string, unknown>;
	/** Transaction-local settings (role, claims, clock) for this request. */
	settings: Record<string, string>;
}

interface Prefer {
	return?: 'minimal' | 'representation' | 'headers-only';
	count?: 'exact' | 'planned' | 'estimated';
	resolution?: Resolution;
	missing?: string;
}

function parsePrefer(value: string | undefined): Prefer {
	const prefer: Prefer = {};
	for (const part of (value ?? '').split(',')) {
		const [k, v] = part.trim().split('=').map((s) => s?.trim());
		if (k === 'return' && (v === 'minimal' || v === 'representation' || v === 'headers-only')) prefer.return = v;
		else if (k === 'count' && (v === 'exact' || v === 'planned' || v === 'estimated')) prefer.count = v;
		else if (k === 'resolution' && (v === 'merge-duplicates' || v === 'ignore-duplicates')) prefer.resolution = v;
		else if (k === 'missing') prefer.missing = v;
	}
	return prefer;
}

function preferenceApplied(p: Prefer, keys: Array<keyof Prefer>): Record<string, string> {
	const applied = keys.filter((k) => p[k] !== undefined).map((k) => `${k}=${p[k]}`);
	return applied.length ? { 'preference-applied': applied.join(', ') } : {};
}

type Wants = 'array' | 'object';

function wants(accept: string | undefined): Wants {
	if (!accept || !accept.trim()) return 'array';
	const types = accept.split(',').map((s) => s.split(';')[0].trim().toLowerCase());
	if (types.includes('application/vnd.pgrst.object+json') || types.includes('application/vnd.pgrst.object')) return 'object';
	if (types.some((t) => t === 'application/json' || t === '*/*' || t === 'application/*')) return 'array';
	throw errors.notAcceptable(accept);
}

const OBJECT_TYPE = 'application/vnd.pgrst.object+json; charset=utf-8';

function bodyFor(w: Wants, body: string, n: number): string {
	if (w === 'object') {
		if (n !== 1) throw errors.singleObject(n);
		return body.slice(1, -1).trim();
	}
	return body;
}

function contentType(w: Wants): Record<string, string> {
	return { 'content-type': w === 'object' ? OBJECT_TYPE : JSON_TYPE };
}

function parseJsonBody(text: string): unknown {
	if (!text.trim()) throw errors.invalidBody();
	try {
		return JSON.parse(text);
	} catch {
		throw errors.invalidBody();
	}
}

function asRows(payload: unknown): Record<string, unknown>[] {
	const list = Array.isArray(payload) ? payload : [payload];
	for (const row of list) {
		if (row === null || typeof row !== 'object' || Array.isArray(row)) throw errors.invalidBody('All object keys must match');
	}
	return list as Record<string, unknown>[];
}

/** The read window: `Range` header intersected with limit/offset, capped at max rows. */
function readRange(req: ApiRequest, query: ParsedQuery, maxRows: number): { offset: number; limit?: number } {
	let from = 0;
	let to = Infinity;
	const rangeHeader = header(req.headers, 'range');
	if (rangeHeader && req.method === 'GET') {
		const m = /^(?:items=)?\s*(\d+)-(\d*)\s*$/.exec(rangeHeader);
		if (m) {
			from = Number(m[1]);
			to = m[2] === '' ? Infinity : Number(m[2]);
			if (from > to) {
				throw errors.rangeNotSatisfiable('The lower boundary must be lower than or equal to the upper boundary in the Range header.', '*/*');
			}
		}
	}
	const q = query.ranges.get('');
	if (q) {
		from = Math.max(from, q.offset);
		if (q.limit !== undefined) to = Math.min(to, q.offset + q.limit - 1);
	}
	to = Math.min(to, from + maxRows - 1);
	return { offset: from, limit: to === Infinity ? undefined : Math.max(0, to - from + 1) };
}

async function inTransaction<T>(opts: RestOptions, caller: RestCaller, fn: Parameters<SerialDb['transaction']>[1]): Promise<T> {
	try {
		return (await opts.db.transaction(caller.settings, fn)) as T;
	} catch (error) {
		const pg = toPgError(error);
		if (pg) throw fromPgError(pg, caller.role === 'authenticated');
		throw error;
	}
}

export async function handleRest(opts: RestOptions, req: ApiRequest, tableName: string, caller: RestCaller): Promise<Reply> {
	try {
		return await route(opts, req, tableName, caller);
	} catch (error) {
		if (error instanceof QueryParseError) {
			return { status: 400, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ code: 'PGRST100', details: error.details, hint: null, message: error.message }) };
		}
		if (error instanceof ApiError) {
			return { status: error.status, headers: { 'content-type': JSON_TYPE, ...error.headers }, body: JSON.stringify(error.body) };
		}
		throw error;
	}
}

async function route(opts: RestOptions, req: ApiRequest, tableName: string, caller: RestCaller): Promise<Reply> {
	const catalog = opts.catalog();
	if (!tableName) return openApi(catalog);
	if (!catalog.tables.has(tableName)) throw errors.tableNotFound(tableName, [...catalog.tables.keys()]);
	if (req.method === 'OPTIONS') {
		return { status: 200, headers: { allow: 'OPTIONS,GET,HEAD,POST,PUT,PATCH,DELETE' } };
	}
	const query = parseQuery(req.rawQuery);
	const prefer = parsePrefer(header(req.headers, 'prefer'));
	const w = wants(header(req.headers, 'accept'));

	switch (req.method) {
		case 'GET':
		case 'HEAD':
			return read(opts, req, tableName, query, prefer, w, caller);
		case 'POST':
			return insert(opts, tableName, query, prefer, w, caller, asRows(parseJsonBody(req.bodyText)), prefer.resolution);
		case 'PUT':
			return put(opts, tableName, query, prefer, w, caller, parseJsonBody(req.bodyText));
		case 'PATCH': {
			const payload = parseJsonBody(req.bodyText);
			if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw errors.invalidBody();
			if (!hasRootFilters(query)) throw pgrstError(400, '21000', 'UPDATE requires a WHERE clause');
			const plan = buildUpdate(catalog, tableName, query, payload as Record<string, unknown>);
			return write(opts, plan, prefer, w, caller, 'PATCH');
		}
		case 'DELETE': {
			if (!hasRootFilters(query)) throw pgrstError(400, '21000', 'DELETE requires a WHERE clause');
			return write(opts, buildDelete(catalog, tableName, query), prefer, w, caller, 'DELETE');
		}
		default:
			throw pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
	}
}

async function read(opts: RestOptions, req: ApiRequest, tableName: string, query: ParsedQuery, prefer: Prefer, w: Wants, caller: RestCaller): Promise<Reply> {
	const range = readRange(req, query, opts.maxRows);
	const plan = buildRead(opts.catalog(), tableName, query, range);
	const { body, n, total } = await inTransaction<{ body: string; n: number; total?: number }>(opts, caller, async (q) => {
		const r = await q.query(plan.sql, plan.params);
		const out = { body: String(r.rows[0].body), n: Number(r.rows[0].n), total: undefined as number | undefined };
		if (prefer.count) {
			const c = await q.query(plan.countSql, plan.countParams);
			out.total = Number(c.rows[0].total);
		}
		return out;
	});
	const lower = range.offset;
	const upper = lower + n - 1;
	const totalText = total === undefined ? '*' : String(total);
	const contentRange = `${n > 0 ? `${lower}-${upper}` : '*'}/${totalText}`;
	if (total !== undefined && lower > total) {
		throw errors.rangeNotSatisfiable(`An offset of ${lower} was requested, but there are only ${total} rows.`, `*/${total}`);
	}
	const status = total !== undefined && 1 + upper - lower < total ? 206 : 200;
	const text = bodyFor(w, body, n);
	return {
		status,
		headers: { ...contentType(w), 'content-range': contentRange, ...preferenceApplied(prefer, ['count']) },
		body: req.method === 'HEAD' ? undefined : text,
	};
}

async function insert(
	opts: RestOptions,
	tableName: string,
	query: ParsedQuery,
	prefer: Prefer,
	w: Wants,
	caller: RestCaller,
	rows: Record<string, unknown>[],
	resolution: Resolution,
): Promise<Reply> {
	if (rows.length === 0) {
		return prefer.return === 'representation'
			? { status: 201, headers: { ...contentType(w), 'content-range': '*/*' }, body: bodyFor(w, '[]', 0) }
			: { status: 201, headers: { 'content-range': '*/*' } };
	}
	const plan = buildInsert(opts.catalog(), tableName, query, rows, resolution);
	const reply = await write(opts, plan, prefer, w, caller, 'POST');
	reply.headers = { ...reply.headers, ...preferenceApplied(prefer, ['resolution']) };
	return reply;
}

async function put(opts: RestOptions, tableName: string, query: ParsedQuery, prefer: Prefer, w: Wants, caller: RestCaller, payload: unknown): Promise<Reply> {
	const t = opts.catalog().tables.get(tableName);
	if (!t) throw errors.tableNotFound(tableName, []);
	if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw errors.invalidBody();
	const row = payload as Record<string, unknown>;
	const pkFilters = query.filters.filter((f) => f.path.length === 0);
	const ok =
		t.primaryKey.length > 0 &&
		pkFilters.length === t.primaryKey.length &&
		t.primaryKey.every((pk) =>
			pkFilters.some((f) => f.filter.field.name === pk && !f.filter.negate && f.filter.operation.kind === 'quant' && f.filter.operation.op === 'eq'),
		);
	if (!ok) throw pgrstError(405, 'PGRST105', 'Filters must include all and only primary key columns with \'eq\' operators');
	for (const pk of t.primaryKey) {
		const f = pkFilters.find((x) => x.filter.field.name === pk);
		const value = f && f.filter.operation.kind === 'quant' ? f.filter.operation.value : undefined;
		if (String(row[pk]) !== value) throw pgrstError(400, 'PGRST115', 'Payload values do not match URL in primary key column(s)');
	}
	const q: ParsedQuery = { ...query, filters: [], onConflict: t.primaryKey };
	const reply = await write(opts, buildInsert(opts.catalog(), tableName, q, [row], 'merge-duplicates'), prefer, w, caller, 'PUT');
	return reply;
}

async function write(
	opts: RestOptions,
	plan: { sql: string; params: unknown[] },
	prefer: Prefer,
	w: Wants,
	caller: RestCaller,
	method: 'POST' | 'PATCH' | 'DELETE' | 'PUT',
): Promise<Reply> {
	const representation = prefer.return === 'representation';
	const { body, n } = await inTransaction<{ body: string; n: number }>(opts, caller, async (q) => {
		const r = await q.query(plan.sql, plan.params);
		const out = { body: String(r.rows[0].body), n: Number(r.rows[0].n) };
		// A single-object answer that is not exactly one row rolls the write back.
		if (representation && w === 'object' && out.n !== 1) throw errors.singleObject(out.n);
		return out;
	});
	const contentRange = method === 'POST' || method === 'PUT' ? '*/*' : n > 0 ? `0-${n - 1}/*` : '*/*';
	const applied = preferenceApplied(prefer, ['return']);
	if (representation) {
		return {
			status: method === 'POST' ? 201 : 200,
			headers: { ...contentType(w), 'content-range': contentRange, ...applied },
			body: bodyFor(w, body, n),
		};
	}
	return { status: method === 'POST' ? 201 : 204, headers: { 'content-range': contentRange, ...applied } };
}

/** As PostgREST describes a primary-key column (from the catalog's primary key; other columns carry no note). */
function primaryKeyNote(t: { primaryKey: string[] }, column: string): { description?: string } {
	return t.primaryKey.includes(column) ? { description: 'Note:\nThis is a Primary Key.<pk/>' } : {};
}

function openApi(catalog: Catalog): Reply {
	const paths: Record<string, unknown> = { '/': {} };
	const definitions: Record<string, unknown> = {};
	for (const t of catalog.tables.values()) {
		paths[`/${t.name}`] = { get: {}, post: {}, patch: {}, delete: {} };
		definitions[t.name] = {
			type: 'object',
			required: t.primaryKey,
			properties: Object.fromEntries([...t.columns.values()].map((c) => [c.name, { format: c.type, ...primaryKeyNote(t, c.name) }])),
		};
	}
	return {
		status: 200,
		headers: { 'content-type': 'application/openapi+json; charset=utf-8' },
		body: JSON.stringify({ swagger: '2.0', info: { title: 'Nexus sandbox PostgREST', version: '12' }, basePath: '/', paths, definitions }),
	};
}
