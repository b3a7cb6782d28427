/**
 * A local stand-in for Nexus: Supabase's agent-auth edge function, PostgREST over a real
 * Postgres engine (PGlite) with Supabase-style row-level security, and
 * the edge functions of the order-to-ship and messaging workflows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { FaultInjector } from '../shared/faults';
import { RequestLog } from '../shared/requestLog';
import { DEFAULT_JWT_SECRET, deterministicApiKey, hashApiKey, JwtService, makeAnonKey, SlidingWindow } from './auth';
import { type Catalog, loadCatalog } from './catalog';
import { MicroClock } from './clock';
import { controlHandler } from './control';
import { openPglite, SerialDb, type SqlRunner } from './db';
import { McpHub, type ResponseMode } from './mcp/hub';
import { MutationHooks } from './mutations';
import { rlsSql, ROLES_SQL } from './rls';
import { PUBLIC_TABLES, SCHEMA_SQL } from './schema';
import { agentAccountId } from './mcp/seed';
import { insertRows, type OrgKey, SEED_ORGS, seedBulkOrders, seedDatabase } from './seed';
import { createSandboxServer } from './server';

function pgliteVersion(): string {
	try {
		const pkg = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
		return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
	} catch {
		return 'unknown';
	}
}

export interface NexusSandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Agent JWT lifetime (default 3600 s, as on Nexus). */
	jwtLifetimeSeconds?: number;
	/** agent-auth attempts per minute per IP (default 10). */
	authAttemptsPerMinute?: number;
	/** Requests per minute per user per organization (default 100; 0 disables). */
	requestsPerMinute?: number;
	/** The request limit's window in ms (default 60,000: a minute); a shorter one keeps the ratio in short runs. */
	requestWindowMs?: number;
	/** Demo data for both organizations (default true). Organizations and API keys always exist. */
	seed?: boolean;
	/** PGlite data directory (kept between runs; the schema is created once). */
	dataDir?: string;
	/** JWT signing secret (default: the Supabase CLI's local secret, so the anon key is the demo key). */
	jwtSecret?: string;
	/** Rows per page cap (PostgREST db-max-rows; Nexus uses 100). */
	maxRows?: number;
	/** Start with the `items` schema of databases that have no `name` column (description / item_no only). */
	itemsWithoutName?: boolean;
	/** How the MCP server answers POSTs: `json` (default, as the hosted server) or `sse` streams. */
	mcpResponseMode?: ResponseMode;
}

export interface SandboxOrg {
	id: string;
	apiKey: string;
	name: string;
	plan: string;
}

export interface TouchOrdersOptions {
	org?: OrgKey;
	/** Orders to touch; otherwise the `count` (default 1) least recently updated orders of `org`. */
	ids?: string[];
	count?: number;
	status?: string;
	/** Set updated_at to exactly this value (triggers bypassed); default: the server clock. */
	updatedAt?: string;
}

export interface MoveShipmentOptions {
	/** The AWB, by id or by number. */
	awbId?: string;
	awbNumber?: string;
	/** The courier's new status (created, picked_up, in_transit, delivered, returned, failed). */
	status: string;
	location?: string;
	notes?: string;
	/** The log row's `timestamp`; default: the server clock. */
	timestamp?: string;
}

export interface LogCallOptions {
	org?: OrgKey;
	/** Any date, also one in the past (a PBX log synced late). */
	callDate?: string;
	status?: string;
	direction?: string;
	callerNumber?: string;
	calledNumber?: string;
	customerId?: string;
	durationSeconds?: number;
	/** Insert this many identical calls in one statement (one `created_at`). */
	count?: number;
}

export interface NexusSandbox {
	baseUrl: string;
	controlUrl: string;
	anonKey: string;
	orgs: { a: SandboxOrg; b: SandboxOrg };
	requests: RequestLog;
	faults: FaultInjector;
	/** Inserts or deletes run between two requests of a listing ("after request N to table T"). */
	mutations: MutationHooks;
	/** Successful agent-auth exchanges since start (or reset). */
	authExchanges(): number;
	/** Superuser SQL (RLS bypassed) for seeding and assertions. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	query(sql: string, params?: unknown[]): Promise<any[]>;
	/** Inserts `count` orders in one statement; answers their ids in created_at order. */
	seedOrders(opts: { org: OrgKey; count: number; sameUpdatedAt?: string; status?: string }): Promise<string[]>;
	/** Updates orders' status and/or updated_at; answers the ids touched. */
	touchOrders(opts: TouchOrdersOptions): Promise<string[]>;
	/**
	 * The courier moves a shipment: `awbs.status` changes (`delivery_date` when delivered) and an
	 * `awb_status_logs` row records the move, in one transaction. Answers the log row.
	 */
	moveShipment(opts: MoveShipmentOptions): Promise<Record<string, unknown>>;
	/** The PBX logs calls (`call_logs`), with any `call_date`. Answers the rows. */
	logCalls(opts: LogCallOptions): Promise<Array<Record<string, unknown>>>;
	/** A platform reports a message's new delivery status (`messages.status`; the table has no `updated_at`). */
	setMessageStatus(ids: string[], status: string): Promise<string[]>;
	/** Every JWT issued so far answers 401 "JWT expired" from now on. */
	expireTokens(): void;
	setJwtLifetime(seconds: number): void;
	setRequestsPerMinute(n: number): void;
	/** The request limit's window (ms); 60,000 is Nexus's minute. */
	setRequestWindow(ms: number): void;
	setAuthAttemptsPerMinute(n: number): void;
	/** Re-reads tables and columns (after DDL through `query`). */
	reloadSchemaCache(): Promise<void>;
	/** The MCP server at /functions/v1/mcp-server: sessions, response mode, tools added at run time. */
	mcp: McpHub;
	/** A new API key of an organization with these scopes (agent-auth puts them in the JWT). */
	createApiKey(opts: { org: OrgKey; scopes: string[]; name?: string }): Promise<string>;
	/** Fresh seed data, no faults, empty log, limits and tokens back to the start. */
	reset(): Promise<void>;
	close(): Promise<void>;
}

async function schemaExists(db: SerialDb): Promise<boolean> {
	const r = await db.exclusive((q) => q.query(`select to_regclass('sandbox.meta') is not null as ok`));
	return r.rows[0]?.ok === true;
}

export async function startNexusSandbox(opts: NexusSandboxOptions = {}): Promise<NexusSandbox> {
	const lifetime = opts.jwtLifetimeSeconds ?? 3600;
	const secret = opts.jwtSecret ?? DEFAULT_JWT_SECRET;
	const buildSchema = async (q: SqlRunner) => {
		await q.exec(ROLES_SQL);
		await q.exec(SCHEMA_SQL);
		await q.exec(rlsSql());
	};
	const key = createHash('sha256').update([ROLES_SQL, SCHEMA_SQL, rlsSql(), pgliteVersion()].join('\n')).digest('hex').slice(0, 16);
	const { engine, schemaReady } = await openPglite({ dataDir: opts.dataDir, template: { key, build: buildSchema } });
	const db = new SerialDb(engine);
	const seedData = opts.seed ?? true;
	const seedOptions = { orgsOnly: !seedData, itemsWithoutName: opts.itemsWithoutName === true };

	try {
		await db.exclusive((q) => q.exec(`set timezone = 'UTC'; set datestyle = 'ISO, MDY'; set client_min_messages = warning;`));
		// A persistent data directory keeps its data between runs.
		const keepData = opts.dataDir !== undefined && (await schemaExists(db));
		if (!keepData) {
			if (!schemaReady) await db.exclusive(buildSchema);
			if (opts.itemsWithoutName) await db.exclusive((q) => q.exec('alter table public.items drop column if exists name'));
			await db.exclusive((q) => seedDatabase(q, seedOptions));
		}
	} catch (error) {
		await engine.close().catch(() => undefined);
		throw error;
	}

	let catalog: Catalog = await db.exclusive((q) => loadCatalog(q));
	const jwt = new JwtService(secret, lifetime);
	const anonKey = makeAnonKey(secret);
	const authLimiter = new SlidingWindow(opts.authAttemptsPerMinute ?? 10);
	const requestLimiter = new SlidingWindow(opts.requestsPerMinute ?? 100, opts.requestWindowMs ?? 60_000);
	const faults = new FaultInjector();
	const mutations = new MutationHooks(async (sql, params) => db.exclusive((q) => q.query(sql, params)));
	const requests = new RequestLog();
	const clock = new MicroClock();
	const apiCalls = new Map<string, number>();
	const initialLimits = { requests: requestLimiter.limit, auth: authLimiter.limit };
	const mcp = new McpHub({
		defaultResponseMode: opts.mcpResponseMode,
		agentAccountOf: async (apiKeyId) => {
			const r = await db.exclusive((q) => q.query('select agent_id from private.agent_api_keys where id = $1::uuid', [apiKeyId]));
			return r.rows[0]?.agent_id ? String(r.rows[0].agent_id) : null;
		},
	});
	let keysCreated = 0;

	const orgs = {
		a: { id: SEED_ORGS.a.id, apiKey: SEED_ORGS.a.apiKey, name: SEED_ORGS.a.name, plan: SEED_ORGS.a.plan },
		b: { id: SEED_ORGS.b.id, apiKey: SEED_ORGS.b.apiKey, name: SEED_ORGS.b.name, plan: SEED_ORGS.b.plan },
	};

	// eslint-disable-next-line prefer-const
	let sandbox: NexusSandbox;
	const state = () => ({
		baseUrl: sandbox.baseUrl,
		engine: engine.kind,
		authExchanges: jwt.exchanges,
		jwtLifetimeSeconds: jwt.lifetimeSeconds,
		requestsPerMinute: requestLimiter.limit,
		requestWindowMs: requestLimiter.windowMs,
		authAttemptsPerMinute: authLimiter.limit,
		maxRows: opts.maxRows ?? 100,
		requestCount: requests.entries.length,
		pendingFaults: faults.pending(),
		pendingMutations: mutations.pending(),
		orgs: { a: { id: orgs.a.id, name: orgs.a.name, plan: orgs.a.plan }, b: { id: orgs.b.id, name: orgs.b.name, plan: orgs.b.plan } },
		mcp: mcp.state(),
	});

	const server: Server = createSandboxServer({
		db,
		catalog: () => catalog,
		jwt,
		anonKey,
		authLimiter,
		requestLimiter,
		faults,
		mutations,
		requests,
		clock,
		maxRows: opts.maxRows ?? 100,
		apiCalls,
		control: controlHandler(() => sandbox, state),
		mcp,
	});
	const sockets = new Set<Socket>();
	server.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	const baseUrl = `http://127.0.0.1:${port}`;
	let closed = false;

	sandbox = {
		baseUrl,
		controlUrl: `${baseUrl}/__control`,
		anonKey,
		orgs,
		requests,
		faults,
		mutations,
		authExchanges: () => jwt.exchanges,
		mcp,
		async createApiKey({ org, scopes, name }) {
			const apiKey = deterministicApiKey(`nexus-sandbox-extra-key-${Date.now()}-${++keysCreated}`);
			await db.exclusive((q) =>
				insertRows(q, 'private.agent_api_keys', [
					{
						organization_id: SEED_ORGS[org].id,
						name: name ?? `Sandbox key (${scopes.join(', ') || 'no scopes'})`,
						key_prefix: apiKey.slice(0, 12),
						key_hash: hashApiKey(apiKey),
						scopes,
						agent_id: agentAccountId(org),
					},
				]),
			);
			return apiKey;
		},
		async query(sql, params) {
			const r = await db.exclusive((q) => q.query(sql, params ?? []));
			return r.rows;
		},
		async seedOrders({ org, count, sameUpdatedAt, status }) {
			const base = MicroClock.iso(clock.reserve(count + 1));
			// Generated rows are valid by construction: skip per-row foreign-key triggers.
			return db.transaction({ session_replication_role: 'replica' }, (q) =>
				seedBulkOrders(q, { orgId: SEED_ORGS[org].id, count, baseIso: base, status, sameUpdatedAt, currency: SEED_ORGS[org].currency }),
			);
		},
		async touchOrders(o) {
			const settings: Record<string, string> = { 'sandbox.tx_now': clock.nextIso() };
			if (o.updatedAt) settings.session_replication_role = 'replica';
			return db.transaction(settings, async (q) => {
				const params: unknown[] = [o.status ?? null, o.updatedAt ?? null];
				let target: string;
				if (o.ids && o.ids.length) {
					params.push(o.ids);
					target = `select id from public.orders where id = any($3::uuid[])`;
				} else {
					params.push(SEED_ORGS[o.org ?? 'a'].id, o.count ?? 1);
					target = `select id from public.orders where organization_id = $3::uuid order by updated_at, id limit $4::int`;
				}
				const r = await q.query(
					`update public.orders set order_status = coalesce($1::text, order_status),
						updated_at = coalesce($2::timestamptz, updated_at)
					where id in (${target}) returning id`,
					params,
				);
				return r.rows.map((row) => String(row.id));
			});
		},
		async moveShipment(o) {
			return db.transaction({ 'sandbox.tx_now': clock.nextIso() }, async (q) => {
				const awb = (
					await q.query(`select id from public.awbs where id::text = $1 or awb_number = $1`, [o.awbId ?? o.awbNumber ?? ''])
				).rows[0];
				if (!awb) throw new Error(`No AWB ${o.awbId ?? o.awbNumber ?? ''}`);
				await q.query(
					`update public.awbs set status = $2, delivery_date = case when $2 = 'delivered' then sandbox.now_us() else delivery_date end where id = $1`,
					[awb.id, o.status],
				);
				const r = await q.query(
					`insert into public.awb_status_logs (awb_id, status, location, notes, "timestamp")
					values ($1, $2, $3, $4, coalesce($5::timestamptz, sandbox.now_us())) returning row_to_json(awb_status_logs.*)::text as row`,
					[awb.id, o.status, o.location ?? null, o.notes ?? null, o.timestamp ?? null],
				);
				return JSON.parse(String(r.rows[0].row)) as Record<string, unknown>;
			});
		},
		async logCalls(o) {
			return db.transaction({ 'sandbox.tx_now': clock.nextIso() }, async (q) => {
				const org = SEED_ORGS[o.org ?? 'a'];
				const r = await q.query(
					`insert into public.call_logs (organization_id, customer_id, unique_id, call_date, caller_number, called_number, extension, direction, status, duration_seconds)
					select $1::uuid, $2::uuid, 'pbx-' || gen_random_uuid(), coalesce($3::timestamptz, sandbox.now_us()), $4, $5, '101',
						$6::public.call_direction, $7::public.call_status, $8::int
					from generate_series(1, $9::int)
					returning row_to_json(call_logs.*)::text as row`,
					[
						org.id,
						o.customerId ?? null,
						o.callDate ?? null,
						o.callerNumber ?? '+201000000001',
						o.calledNumber ?? '+20221234567',
						o.direction ?? 'inbound',
						o.status ?? 'missed',
						o.durationSeconds ?? 0,
						o.count ?? 1,
					],
				);
				return r.rows.map((row) => JSON.parse(String(row.row)) as Record<string, unknown>);
			});
		},
		async setMessageStatus(ids, status) {
			return db.transaction({ 'sandbox.tx_now': clock.nextIso() }, async (q) => {
				const r = await q.query(`update public.messages set status = $2 where id = any($1::uuid[]) returning id`, [ids, status]);
				return r.rows.map((row) => String(row.id));
			});
		},
		expireTokens: () => jwt.expireAll(),
		setJwtLifetime: (seconds) => {
			jwt.lifetimeSeconds = seconds;
		},
		setRequestsPerMinute: (n) => {
			requestLimiter.limit = n;
			requestLimiter.clear();
		},
		setRequestWindow: (ms) => {
			requestLimiter.windowMs = ms;
			requestLimiter.clear();
		},
		setAuthAttemptsPerMinute: (n) => {
			authLimiter.limit = n;
			authLimiter.clear();
		},
		async reloadSchemaCache() {
			catalog = await db.exclusive((q) => loadCatalog(q));
		},
		async reset() {
			await db.exclusive(async (q) => {
				const tables = [...PUBLIC_TABLES.map((t) => `public.${t}`), 'private.agent_api_keys'].join(', ');
				await q.exec(`truncate table ${tables} cascade;
					alter sequence sandbox.order_number_seq restart;
					alter sequence sandbox.bulk_order_seq restart;
					alter sequence sandbox.pick_list_seq restart;`);
				await seedDatabase(q, seedOptions);
			});
			await mcp.reset();
			faults.clear();
			mutations.clear();
			requests.clear();
			authLimiter.limit = initialLimits.auth;
			requestLimiter.limit = initialLimits.requests;
			authLimiter.clear();
			requestLimiter.clear();
			apiCalls.clear();
			jwt.reset(lifetime);
		},
		async close() {
			if (closed) return;
			closed = true;
			faults.clear();
			mutations.clear();
			await mcp.expireSessions();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const s of sockets) s.destroy();
			});
			await db.exclusive(() => engine.close());
		},
	};
	return sandbox;
}

/** The startup banner: URLs, anon key and the demo API keys. */
export function describeNexusSandbox(s: NexusSandbox): string {
	return [
		'Nexus sandbox (Supabase agent-auth + PostgREST + edge functions)',
		`  Base URL      ${s.baseUrl}`,
		`  REST          ${s.baseUrl}/rest/v1/<table>`,
		`  Functions     ${s.baseUrl}/functions/v1/<name>`,
		`  Agent auth    POST ${s.baseUrl}/functions/v1/agent-auth {"api_key": "..."}`,
		`  MCP           POST ${s.baseUrl}/functions/v1/mcp-server (Authorization: Bearer <agent JWT>)`,
		`  Control       ${s.controlUrl}`,
		`  Anon key      ${s.anonKey}`,
		`  Org A         ${s.orgs.a.name} (${s.orgs.a.plan})  id ${s.orgs.a.id}`,
		`    API key     ${s.orgs.a.apiKey}`,
		`  Org B         ${s.orgs.b.name} (${s.orgs.b.plan})  id ${s.orgs.b.id}`,
		`    API key     ${s.orgs.b.apiKey}`,
	].join('\n');
}
