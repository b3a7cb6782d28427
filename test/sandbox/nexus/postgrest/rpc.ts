/**
 * `/rest/v1/rpc/<function>`: PostgREST's function calls. POST takes a JSON object of named
 * arguments (GET takes them as query parameters, for stable functions); the function runs as
 * the caller, so row-level security applies; a scalar result is answered as that JSON value.
 */
import { type SerialDb, toPgError } from '../db';
import { type ApiRequest, json, type Reply } from '../http';
import type { RestCaller } from './handler';
import { fromPgError, pgrstError } from './errors';
import { qi } from './sql';

interface FunctionInfo {
	name: string;
	args: Array<{ name: string; type: string; hasDefault: boolean }>;
	volatility: string;
}

async function functionsNamed(db: SerialDb, name: string): Promise<FunctionInfo[]> {
	const r = await db.exclusive((q) =>
		q.query(
			`select p.proname::text as name, p.provolatile::text as volatility, p.pronargs::int as nargs, p.pronargdefaults::int as ndefaults,
				coalesce(p.proargnames, '{}')::text[] as arg_names,
				array(select format_type(t, null) from unnest(p.proargtypes::oid[]) with ordinality u(t, o) order by o)::text[] as arg_types
			from pg_proc p join pg_namespace n on n.oid = p.pronamespace
			where n.nspname = 'public' and p.proname = $1`,
			[name],
		),
	);
	return r.rows.map((row) => {
		const names = row.arg_names as string[];
		const types = row.arg_types as string[];
		const nargs = Number(row.nargs);
		const firstDefault = nargs - Number(row.ndefaults);
		return {
			name: String(row.name),
			volatility: String(row.volatility),
			args: types.map((type, i) => ({ name: names[i] ?? '', type, hasDefault: i >= firstDefault })),
		};
	});
}

function notFound(name: string, given: string[]): Reply {
	const e = pgrstError(
		404,
		'PGRST202',
		given.length ? `Could not find the function public.${name}(${given.join(', ')}) in the schema cache` : `Could not find the function public.${name} without parameters in the schema cache`,
		`Searched for the function public.${name} with parameter${given.length === 1 ? '' : 's'} ${given.join(', ') || '(none)'} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
	);
	return json(e.status, e.body);
}

export async function handleRpc(db: SerialDb, req: ApiRequest, name: string, caller: RestCaller): Promise<Reply> {
	if (req.method !== 'POST' && req.method !== 'GET' && req.method !== 'HEAD') {
		const e = pgrstError(405, 'PGRST101', 'Only GET, HEAD or POST are allowed for functions');
		return json(e.status, e.body);
	}
	let args: Record<string, unknown> = {};
	if (req.method === 'POST') {
		if (req.bodyText.trim()) {
			let parsed: unknown;
			try {
				parsed = JSON.parse(req.bodyText);
			} catch (error) {
				const e = pgrstError(400, 'PGRST102', 'Empty or invalid json', error instanceof Error ? error.message : null);
				return json(e.status, e.body);
			}
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
				const e = pgrstError(400, 'PGRST102', 'Function arguments must be a JSON object');
				return json(e.status, e.body);
			}
			args = parsed as Record<string, unknown>;
		}
	} else {
		for (const [k, v] of new URLSearchParams(req.rawQuery)) args[k] = v;
	}
	const given = Object.keys(args).sort();
	const fn = (await functionsNamed(db, name)).find((f) => given.every((g) => f.args.some((a) => a.name === g)) && f.args.every((a) => a.hasDefault || given.includes(a.name)));
	if (!fn) return notFound(name, given);
	if (req.method !== 'POST' && fn.volatility === 'v') {
		const e = pgrstError(405, '25006', 'cannot execute a volatile function in a read-only transaction');
		return json(e.status, e.body);
	}
	const params: unknown[] = [];
	const named = given.map((g) => {
		const arg = fn.args.find((a) => a.name === g)!;
		const v = args[g];
		params.push(v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
		return `${qi(g)} => $${params.length}::${arg.type}`;
	});
	try {
		const result = await db.transaction(caller.settings, (q) => q.query(`select to_json(public.${qi(fn.name)}(${named.join(', ')}))::text as result`, params));
		const text = result.rows[0]?.result;
		return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: req.method === 'HEAD' ? undefined : text === null || text === undefined ? 'null' : String(text) };
	} catch (error) {
		const pg = toPgError(error);
		if (!pg) throw error;
		const e = fromPgError(pg, caller.role === 'authenticated');
		return json(e.status, e.body);
	}
}
