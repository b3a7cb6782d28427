/**
 * A local stand-in for Nexus: Supabase's agent-auth edge function, PostgREST over a real
 * Postgres engine (PGlite, or a Postgres server) with Supabase-style row-level security, and
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
import { DEFAULT_JWT_SECRET, JwtService, makeAnonKey, SlidingWindow } from './auth';
import { type Catalog, loadCatalog } from './catalog';
import { MicroClock } from './clock';
import { controlHandler } from './control';
import { openPglite, SerialDb, type SqlEngine, type SqlRunner } from './db';
import { MutationHooks } from './mutations';
import { openPostgres } from './pgwire';
import { rlsSql, ROLES_SQL } from './rls';
import { PUBLIC_TABLES, SCHEMA_SQL } from './schema';
import { type OrgKey, SEED_ORGS, seedBulkOrders, seedDatabase } from './seed';
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
	/** A real Postgres server (postgres://user:pass@host:port/db) instead of PGlite. Its
	 * sandbox objects are dropped and recreated. */
	databaseUrl?: string;
	/** Demo data for both organizations (default true). Organizations and API keys always exist. */
	seed?: boolean;
	/** PGlite data directory (kept between runs; the schema is created once). */
	dataDir?: string;
	/** JWT signing secret (default: the Supabase CLI's local secret, so the anon key is the demo key). */
	jwtSecret?: string;
	/** Rows per page cap (PostgREST db-max-rows; Nexus uses 100). */
	maxRows?: number;
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
	/** Every JWT issued so far answers 401 "JWT expired" from now on. */
	expireTokens(): void;
	setJwtLifetime(seconds: number): void;
	setRequestsPerMinute(n: number): void;
	/** The request limit's window (ms); 60,000 is Nexus's minute. */
	setRequestWindow(ms: number): void;
	setAuthAttemptsPerMinute(n: number): void;
	/** Re-reads tables and columns (after DDL through `query`). */
	reloadSchemaCache(): Promise<void>;
	/** Fresh seed data, no faults, empty log, limits and tokens back to the start. */
	reset(): Promise<void>;
	close(): Promise<void>;
}

async function schemaExists(db: SerialDb): Promise<boolean> {
	const r = await db.exclusive((q) => q.query(`select to_regclass('sandbox.meta') is not null as ok`));
	return r.rows[0]?.ok === true;
}

async function dropSandboxObjects(db: SerialDb): Promise<void> {
	const tables = [...PUBLIC_TABLES].reverse().map((t) => `public.${t}`).join(', ');
	await db.exclusive((q) =>
		q.exec(`
			drop table if exists ${tables} cascade;
			drop type if exists public.message_type, public.call_direction, public.call_status cascade;
			drop schema if exists private cascade;
			drop schema if exists sandbox cascade;
		`),
	);
}

export async function startNexusSandbox(opts: NexusSandboxOptions = {}): Promise<NexusSandbox> {
	const lifetime = opts.jwtLifetimeSeconds ?? 3600;
	const secret = opts.jwtSecret ?? DEFAULT_JWT_SECRET;
	const buildSchema = async (q: SqlRunner) => {
		await q.exec(ROLES_SQL);
		await q.exec(SCHEMA_SQL);
		await q.exec(rlsSql());
	};
	let engine: SqlEngine;
	let schemaReady = false;
	if (opts.databaseUrl) engine = await openPostgres(opts.databaseUrl);
	else {
		const key = createHash('sha256').update([ROLES_SQL, SCHEMA_SQL, rlsSql(), pgliteVersion()].join('\n')).digest('hex').slice(0, 16);
		({ engine, schemaReady } = await openPglite({ dataDir: opts.dataDir, template: { key, build: buildSchema } }));
	}
	const db = new SerialDb(engine);
	const seedData = opts.seed ?? true;

	try {
		await db.exclusive((q) => q.exec(`set timezone = 'UTC'; set datestyle = 'ISO, MDY'; set client_min_messages = warning;`));
		// A persistent data directory keeps its data between runs.
		const keepData = !opts.databaseUrl && opts.dataDir !== undefined && (await schemaExists(db));
		if (!keepData) {
			if (!schemaReady) {
				if (opts.databaseUrl) await dropSandboxObjects(db);
				await db.exclusive(buildSchema);
			}
			await db.exclusive((q) => seedDatabase(q, { orgsOnly: !seedData }));
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
				await seedDatabase(q, { orgsOnly: !seedData });
			});
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
		`  Control       ${s.controlUrl}`,
		`  Anon key      ${s.anonKey}`,
		`  Org A         ${s.orgs.a.name} (${s.orgs.a.plan})  id ${s.orgs.a.id}`,
		`    API key     ${s.orgs.a.apiKey}`,
		`  Org B         ${s.orgs.b.name} (${s.orgs.b.plan})  id ${s.orgs.b.id}`,
		`    API key     ${s.orgs.b.apiKey}`,
	].join('\n');
}
