/** What every MCP tool is made of: its contract (name, schema, access) and the context it runs in. */
import type { AgentClaims } from '../auth';
import type { SqlRunner } from '../db';

export type JsonSchema = Record<string, unknown>;
export type Args = Record<string, unknown>;
export type Access = 'read' | 'write' | 'admin';

export interface ToolContext {
	claims: AgentClaims;
	orgId: string;
	/** A transaction as the caller (`authenticated`, row-level security on). */
	tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T>;
	/** Runs an edge function as the caller; its error becomes a ToolError with the function's message. */
	edge(name: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
	/** `agent_api_keys.agent_id` of the caller's key (null when the key has no agent account). */
	agentAccountId(): Promise<string | null>;
}

export interface ToolDef {
	name: string;
	description: string;
	inputSchema: JsonSchema;
	access: Access;
	/** Social tools need at least the starter plan. */
	minPlan?: 'starter';
	run(ctx: ToolContext, args: Args): Promise<unknown>;
}

/** A tool failure: answered as a result with `isError: true`, never as a JSON-RPC error. */
export class ToolError extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
		this.name = 'ToolError';
	}
}

// JSON Schema builders: the tools' input schemas as tools/list shows them.
export const s = {
	str: (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra }),
	uuid: (description: string): JsonSchema => ({ type: 'string', format: 'uuid', description }),
	int: (description: string, minimum: number, maximum?: number, dflt?: number): JsonSchema => ({
		type: 'integer',
		description,
		minimum,
		...(maximum !== undefined ? { maximum } : {}),
		...(dflt !== undefined ? { default: dflt } : {}),
	}),
	num: (description: string, minimum = 0): JsonSchema => ({ type: 'number', description, minimum }),
	bool: (description: string, dflt?: boolean): JsonSchema => ({ type: 'boolean', description, ...(dflt !== undefined ? { default: dflt } : {}) }),
	strings: (description: string, items: JsonSchema = { type: 'string' }): JsonSchema => ({ type: 'array', description, items }),
	enum: (description: string, values: readonly string[]): JsonSchema => ({ type: 'string', description, enum: [...values] }),
	dateTime: (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description }),
	date: (description: string): JsonSchema => ({ type: 'string', format: 'date', description }),
	object(properties: Record<string, JsonSchema>, required: string[] = [], extra: JsonSchema = {}): JsonSchema {
		return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false, ...extra };
	},
};

export const PAGE_PROPS = {
	limit: s.int('Rows to return (1-100)', 1, 100, 25),
	offset: s.int('Rows to skip', 0, undefined, 0),
};

export function page(args: Args): { limit: number; offset: number } {
	return { limit: typeof args.limit === 'number' ? args.limit : 25, offset: typeof args.offset === 'number' ? args.offset : 0 };
}

export type Row = Record<string, unknown>;

/** Rows as JSON exactly as the database renders them (timestamps with microseconds, numerics). */
export async function rows(q: SqlRunner, sql: string, params: unknown[] = []): Promise<Row[]> {
	const r = await q.query(`select coalesce(json_agg(t), '[]'::json)::text as rows from (${sql}) t`, params);
	return JSON.parse(String(r.rows[0].rows)) as Row[];
}

export async function one(q: SqlRunner, sql: string, params: unknown[] = []): Promise<Row | undefined> {
	return (await rows(q, sql, params))[0];
}

export async function count(q: SqlRunner, sql: string, params: unknown[] = []): Promise<number> {
	const r = await q.query(`select count(*)::int as n from (${sql}) t`, params);
	return Number(r.rows[0].n);
}

/** A listing: one page of rows and the total that matched. */
export async function listing(q: SqlRunner, sql: string, params: unknown[], order: string, args: Args): Promise<Row> {
	const { limit, offset } = page(args);
	const n = params.length;
	const data = await rows(q, `${sql} order by ${order} limit $${n + 1}::int offset $${n + 2}::int`, [...params, limit, offset]);
	const total = await count(q, sql, params);
	return { data, total, limit, offset, has_more: offset + data.length < total };
}

/** `where` clauses with numbered parameters, built one optional filter at a time. */
export class Where {
	readonly params: unknown[] = [];
	private readonly parts: string[] = [];

	/** `clause` uses `?` for the value's placeholder. */
	add(clause: string, value: unknown): this {
		if (value === undefined || value === null || value === '') return this;
		this.params.push(value);
		this.parts.push(clause.replace(/\?/g, `$${this.params.length}`));
		return this;
	}

	raw(clause: string): this {
		this.parts.push(clause);
		return this;
	}

	toString(): string {
		return this.parts.length ? `where ${this.parts.join(' and ')}` : '';
	}
}

/** Only the named keys that were given (the columns a tool may write). */
export function pick(args: Args, keys: readonly string[]): Row {
	const out: Row = {};
	for (const k of keys) if (args[k] !== undefined) out[k] = args[k];
	return out;
}

/** Inserts one row, values typed by the table's own row type; answers the stored row. */
export async function insertRow(q: SqlRunner, table: string, values: Row): Promise<Row> {
	const cols = Object.keys(values).map((c) => `"${c}"`).join(', ');
	const r = await q.query(
		`insert into public.${table} (${cols}) select ${cols} from json_populate_record(null::public.${table}, $1::json)
		returning row_to_json(${table}.*)::text as row`,
		[JSON.stringify(values)],
	);
	return JSON.parse(String(r.rows[0].row)) as Row;
}

/** Updates one row by id; answers the stored row, or undefined when no visible row has that id. */
export async function updateRow(q: SqlRunner, table: string, id: string, values: Row): Promise<Row | undefined> {
	const cols = Object.keys(values).map((c) => `"${c}"`);
	if (!cols.length) return one(q, `select * from public.${table} where id = $1::uuid`, [id]);
	const r = await q.query(
		`update public.${table} set (${cols.join(', ')}) = (select ${cols.join(', ')} from json_populate_record(null::public.${table}, $2::json))
		where id = $1::uuid returning row_to_json(${table}.*)::text as row`,
		[id, JSON.stringify(values)],
	);
	return r.rows[0] ? (JSON.parse(String(r.rows[0].row)) as Row) : undefined;
}

export function notFound(what: string, id: unknown): ToolError {
	return new ToolError('not_found', `${what} ${String(id)} not found in this organization`);
}
