/**
 * The HTTP front: Supabase's gateway checks (apikey, JWT), the per-user rate limit, faults,
 * the request log, and routing to PostgREST, agent-auth and the edge functions.
 */
import { Readable } from 'node:stream';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import { applyFault, type FaultInjector, type FaultSpec, waitForDelay } from '../shared/faults';
import { type LoggedRequest, parseQuery, readBody, type RequestLog } from '../shared/requestLog';
import { type AgentClaims, API_KEY_PATTERN, hashApiKey, type JwtService, type SlidingWindow } from './auth';
import type { Catalog } from './catalog';
import type { MicroClock } from './clock';
import { type SerialDb, toPgError } from './db';
import { EDGE_FUNCTIONS, type EdgeContext } from './edge-functions';
import { type ApiRequest, EdgeError, header, json, JSON_TYPE, type Reply } from './http';
import { errors } from './postgrest/errors';
import { handleRest, type RestCaller } from './postgrest/handler';
import type { McpHub } from './mcp/hub';
import { applySseFault, isSseReply } from './mcp/streamFaults';
import type { MutationHooks } from './mutations';
import { handleRpc } from './postgrest/rpc';

export interface ServerDeps {
	db: SerialDb;
	catalog: () => Catalog;
	jwt: JwtService;
	anonKey: string;
	authLimiter: SlidingWindow;
	requestLimiter: SlidingWindow;
	faults: FaultInjector;
	/** Data changes due after an answered request (between two pages of a listing). */
	mutations: MutationHooks;
	requests: RequestLog;
	clock: MicroClock;
	maxRows: number;
	/** Counts API calls per organization per UTC day (for agent-usage). */
	apiCalls: Map<string, number>;
	control: (req: ApiRequest) => Promise<Reply>;
	mcp: McpHub;
}

const CORS: Record<string, string> = {
	'access-control-allow-origin': '*',
	'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile',
	'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS, HEAD',
	'access-control-expose-headers': 'content-range, content-location, preference-applied, retry-after',
};

function gatewayError(status: number, message: string, hint?: string): Reply {
	return json(status, hint ? { message, hint } : { message });
}

/** The error body a fault of this status answers with, in the shape of the path's service. */
function faultBody(path: string, status: number): unknown {
	if (status === 429) {
		return { error: 'rate_limit_exceeded', message: 'Rate limit exceeded: 100 requests per minute per user per organization' };
	}
	const text = STATUS_CODES[status] ?? 'Error';
	if (path.startsWith('/functions/')) {
		return { error: text.toLowerCase().replace(/[^a-z]+/g, '_'), message: text };
	}
	const codes: Record<number, [string, string]> = {
		500: ['XX000', 'Internal server error'],
		502: ['PGRST002', 'Could not query the database for the schema cache. Retrying.'],
		503: ['PGRST000', 'Could not connect with the database due to an incorrect db-uri or due to the PostgreSQL service not running.'],
		504: ['PGRST003', 'Timed out acquiring connection from connection pool.'],
	};
	const [code, message] = codes[status] ?? [String(status), text];
	return { code, details: null, hint: null, message };
}

function ipOf(req: IncomingMessage): string {
	return req.socket.remoteAddress ?? 'unknown';
}

function dayKey(org: string): string {
	return `${org}:${new Date().toISOString().slice(0, 10)}`;
}

export function createSandboxServer(deps: ServerDeps): Server {
	const server = createHttpServer((req, res) => {
		handle(deps, req, res).catch((error: unknown) => {
			if (!res.headersSent) {
				res.writeHead(500, { 'content-type': JSON_TYPE });
				res.end(JSON.stringify({ code: 'XX000', details: null, hint: null, message: error instanceof Error ? error.message : String(error) }));
			} else res.destroy();
		});
	});
	// Gateways keep idle connections far longer than Node's 5 s default; a short keep-alive makes
	// clients that reuse sockets race the server's close (ECONNRESET) in a way Nexus never would.
	server.keepAliveTimeout = 75_000;
	server.headersTimeout = 76_000;
	return server;
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const bodyText = await readBody(req);
	const url = req.url ?? '/';
	const q = url.indexOf('?');
	const path = q === -1 ? url : url.slice(0, q);
	const rawQuery = q === -1 ? '' : url.slice(q + 1);
	const method = (req.method ?? 'GET').toUpperCase();
	const api: ApiRequest = { method, path, rawQuery, headers: req.headers, bodyText, ip: ipOf(req) };

	if (path === '/__control' || path.startsWith('/__control/')) {
		write(res, await deps.control(api), method);
		return;
	}

	let body: unknown;
	try {
		body = bodyText ? JSON.parse(bodyText) : undefined;
	} catch {
		body = undefined;
	}
	const entry: LoggedRequest = deps.requests.record({
		method,
		path,
		query: parseQuery(rawQuery),
		rawQuery,
		headers: { ...req.headers },
		bodyText,
		body,
		at: Date.now(),
	});

	let fault: FaultSpec | undefined = deps.faults.take(method, path);
	if (fault) {
		entry.fault = fault.kind;
		if (fault.kind === 'status' || fault.kind === 'stall') {
			entry.status = fault.kind === 'status' ? (fault.status ?? 500) : undefined;
			applyFault(fault, req, res, (status) => faultBody(path, status), '', (abandoned) => {
				entry.abandoned = abandoned;
			});
			return;
		}
		if (fault.kind === 'delay') {
			// A slow server still does the work; a client that gave up just never sees the answer.
			entry.abandoned = !(await waitForDelay(fault, req));
			fault = undefined;
		}
	}

	const reply = await route(deps, api);
	entry.status = reply.status;
	// Before the answer leaves: the client's next request sees the change.
	await deps.mutations.afterAnswer(method, path);
	if (entry.abandoned === true) return;
	if (fault) {
		entry.status = 200;
		// An answer streamed as SSE is cut as a stream is (the MCP server's), not as a JSON body.
		if (isSseReply(reply) && applySseFault(fault, req, res, reply, CORS)) return;
		applyFault(fault, req, res, (status) => faultBody(path, status), reply.body ?? '');
		return;
	}
	write(res, reply, method);
}

function write(res: ServerResponse, reply: Reply, method: string): void {
	const headers = { ...CORS, ...reply.headers };
	if (reply.stream) {
		res.writeHead(reply.status, headers);
		const body = Readable.fromWeb(reply.stream as import('node:stream/web').ReadableStream<Uint8Array>);
		res.on('close', () => body.destroy());
		body.on('error', () => res.destroy());
		body.pipe(res);
		return;
	}
	if (reply.body !== undefined && method !== 'HEAD') {
		headers['content-length'] = String(Buffer.byteLength(reply.body));
		res.writeHead(reply.status, headers);
		res.end(reply.body);
	} else {
		res.writeHead(reply.status, headers);
		res.end();
	}
}

/** Supabase's gateway: an `apikey` header (or query parameter) equal to a project key. */
function checkApiKey(deps: ServerDeps, req: ApiRequest): Reply | undefined {
	const fromQuery = new URLSearchParams(req.rawQuery).get('apikey');
	const key = header(req.headers, 'apikey') ?? fromQuery ?? undefined;
	if (!key) return gatewayError(401, 'No API key found in request', 'No `apikey` request header or url param was found.');
	if (key !== deps.anonKey) return gatewayError(401, 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
	return undefined;
}

function stripApiKeyParam(rawQuery: string): string {
	return rawQuery
		.split('&')
		.filter((p) => p.split('=')[0] !== 'apikey')
		.join('&');
}

function bearer(req: ApiRequest): string | undefined {
	const auth = header(req.headers, 'authorization');
	if (!auth) return undefined;
	const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
	return m ? m[1].trim() : auth.trim();
}

function txSettings(deps: ServerDeps, role: string, claims: Record<string, unknown>, req: ApiRequest): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
	return {
		role,
		'request.jwt.claims': JSON.stringify(claims),
		'request.method': req.method,
		'request.path': req.path,
		'request.headers': JSON.stringify(headers),
		'sandbox.tx_now': deps.clock.nextIso(),
	};
}

function rateLimited(deps: ServerDeps, claims: Record<string, unknown>, ip: string): Reply | undefined {
	const key = claims.organization_id ? `${String(claims.organization_id)}:${String(claims.sub ?? '')}` : `anon:${ip}`;
	const r = deps.requestLimiter.hit(key);
	if (r.ok) return undefined;
	return json(
		429,
		{ error: 'rate_limit_exceeded', message: `Rate limit exceeded: ${deps.requestLimiter.limit} requests ${deps.requestLimiter.per} per user per organization. Retry in ${r.retryAfter} seconds.` },
		{ 'retry-after': String(r.retryAfter) },
	);
}

function countApiCall(deps: ServerDeps, claims: Record<string, unknown>): void {
	if (!claims.organization_id) return;
	const key = dayKey(String(claims.organization_id));
	deps.apiCalls.set(key, (deps.apiCalls.get(key) ?? 0) + 1);
}

async function route(deps: ServerDeps, req: ApiRequest): Promise<Reply> {
	if (req.path === '/rest/v1' || req.path.startsWith('/rest/v1/')) return rest(deps, req);
	if (req.path === '/functions/v1/agent-auth') return agentAuth(deps, req);
	if (req.path.replace(/\/+$/, '') === '/functions/v1/mcp-server') return mcpServer(deps, req);
	if (req.path.startsWith('/functions/v1/')) return edgeFunction(deps, req, req.path.slice('/functions/v1/'.length).replace(/\/+$/, ''));
	if (req.path === '/' || req.path === '/health') return json(200, { status: 'ok', service: 'nexus-sandbox' });
	return gatewayError(404, 'no Route matched with those values');
}

async function rest(deps: ServerDeps, req: ApiRequest): Promise<Reply> {
	if (req.method === 'OPTIONS') return { status: 200, headers: {} };
	const keyError = checkApiKey(deps, req);
	if (keyError) return keyError;
	const token = bearer(req);
	let claims: AgentClaims = { sub: '', role: 'anon' };
	if (token) {
		const v = deps.jwt.verify(token);
		if (!v.ok) {
			const e = v.reason === 'expired' ? errors.jwtExpired() : errors.jwtInvalid(v.message);
			return json(e.status, e.body, e.headers);
		}
		claims = v.claims;
	}
	const role = claims.role;
	if (role !== 'anon' && role !== 'authenticated') {
		const e = errors.jwtInvalid(`role "${String(role)}" is not allowed`);
		return json(e.status, e.body, e.headers);
	}
	const limited = rateLimited(deps, claims, req.ip);
	if (limited) return limited;
	countApiCall(deps, claims);
	const table = decodeURIComponent(req.path.slice('/rest/v1'.length).replace(/^\/+/, '').replace(/\/+$/, ''));
	const caller: RestCaller = { role, claims, settings: txSettings(deps, role, claims, req) };
	if (table.startsWith('rpc/')) return handleRpc(deps.db, { ...req, rawQuery: stripApiKeyParam(req.rawQuery) }, table.slice(4), caller);
	return handleRest({ catalog: deps.catalog, db: deps.db, maxRows: deps.maxRows }, { ...req, rawQuery: stripApiKeyParam(req.rawQuery) }, table, caller);
}

async function agentAuth(deps: ServerDeps, req: ApiRequest): Promise<Reply> {
	if (req.method === 'OPTIONS') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
	// Public endpoint: no apikey needed, but a wrong one is still refused by the gateway.
	const apikey = header(req.headers, 'apikey');
	if (apikey !== undefined && apikey !== deps.anonKey) return gatewayError(401, 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
	if (req.method !== 'POST') return new EdgeError(405, 'method_not_allowed', 'Use POST').toReply();
	const attempt = deps.authLimiter.hit(req.ip);
	if (!attempt.ok) {
		return new EdgeError(429, 'rate_limit_exceeded', `Too many authentication attempts: ${deps.authLimiter.limit} per minute per IP. Retry in ${attempt.retryAfter} seconds.`, {
			'retry-after': String(attempt.retryAfter),
		}).toReply();
	}
	let body: unknown;
	try {
		body = JSON.parse(req.bodyText || 'null');
	} catch {
		return new EdgeError(400, 'invalid_json', 'Request body must be JSON').toReply();
	}
	const apiKey = body && typeof body === 'object' ? (body as Record<string, unknown>).api_key : undefined;
	if (apiKey === undefined || apiKey === null || apiKey === '') return new EdgeError(400, 'validation_error', 'api_key is required').toReply();
	if (typeof apiKey !== 'string' || !API_KEY_PATTERN.test(apiKey)) return new EdgeError(401, 'invalid_api_key', 'Invalid or expired API key').toReply();
	const found = await deps.db.exclusive(async (q) => {
		const r = await q.query(
			`select k.id, k.organization_id, k.scopes, k.agent_user_id, (k.revoked_at is not null) as revoked,
				(k.expires_at is not null and k.expires_at <= now()) as expired
			from private.agent_api_keys k where k.key_hash = $1`,
			[hashApiKey(apiKey)],
		);
		const row = r.rows[0];
		if (row && !row.revoked && !row.expired) await q.query('update private.agent_api_keys set last_used_at = now() where id = $1', [row.id]);
		return row;
	});
	if (!found || found.revoked || found.expired) return new EdgeError(401, 'invalid_api_key', 'Invalid or expired API key').toReply();
	const scopes = Array.isArray(found.scopes) ? (found.scopes as string[]) : String(found.scopes ?? '').replace(/[{}]/g, '').split(',').filter(Boolean);
	return json(
		200,
		deps.jwt.issue({
			organizationId: String(found.organization_id),
			agentUserId: String(found.agent_user_id),
			apiKeyId: String(found.id),
			scopes,
		}),
	);
}

/** The agent JWT of a function call (edge functions, MCP), or the 401 to answer. */
function agentClaims(deps: ServerDeps, req: ApiRequest): { claims: AgentClaims } | { reply: Reply } {
	const token = bearer(req);
	if (!token) return { reply: new EdgeError(401, 'unauthorized', 'Missing authorization header', { 'www-authenticate': 'Bearer' }).toReply() };
	const v = deps.jwt.verify(token);
	if (!v.ok) {
		const expired = v.reason === 'expired';
		return {
			reply: new EdgeError(401, 'invalid_token', expired ? 'JWT expired' : 'Invalid JWT', {
				'www-authenticate': `Bearer error="invalid_token", error_description="${expired ? 'JWT expired' : 'Invalid JWT'}"`,
			}).toReply(),
		};
	}
	const claims = v.claims;
	if (claims.role !== 'authenticated' || !claims.organization_id) {
		return { reply: new EdgeError(401, 'unauthorized', 'An agent JWT from agent-auth is required').toReply() };
	}
	return { claims };
}

function edgeContext(deps: ServerDeps, req: ApiRequest, claims: AgentClaims, body: Record<string, unknown>): EdgeContext {
	const orgId = String(claims.organization_id);
	let txNow = deps.clock.nextIso();
	return {
		req,
		body,
		query: new URLSearchParams(req.rawQuery),
		claims,
		orgId,
		tx: (fnTx) => {
			const settings = txSettings(deps, 'authenticated', claims, req);
			txNow = settings['sandbox.tx_now'];
			return deps.db.transaction(settings, fnTx);
		},
		apiCallsToday: () => deps.apiCalls.get(dayKey(orgId)) ?? 0,
		now: () => txNow,
	};
}

/** The hosted MCP server: the documented contract is the agent JWT alone (no apikey needed). */
async function mcpServer(deps: ServerDeps, req: ApiRequest): Promise<Reply> {
	if (req.method === 'OPTIONS') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
	const apikey = header(req.headers, 'apikey');
	if (apikey !== undefined && apikey !== deps.anonKey) return gatewayError(401, 'Invalid API key', 'Double check your Supabase `anon` or `service_role` API key.');
	const auth = agentClaims(deps, req);
	if ('reply' in auth) return auth.reply;
	const limited = rateLimited(deps, auth.claims, req.ip);
	if (limited) return limited;
	countApiCall(deps, auth.claims);
	// The function's own query parameters (none) are not the caller's: tool calls see an empty query.
	const fnReq: ApiRequest = { ...req, rawQuery: '' };
	return deps.mcp.handle({ req: fnReq, claims: auth.claims, context: (body) => edgeContext(deps, fnReq, auth.claims, body) });
}

async function edgeFunction(deps: ServerDeps, req: ApiRequest, name: string): Promise<Reply> {
	if (req.method === 'OPTIONS') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
	const keyError = checkApiKey(deps, req);
	if (keyError) return keyError;
	const fn = EDGE_FUNCTIONS[name];
	if (!fn) return new EdgeError(404, 'function_not_found', `Requested function '${name}' was not found`).toReply();
	const auth = agentClaims(deps, req);
	if ('reply' in auth) return auth.reply;
	const claims = auth.claims;
	const limited = rateLimited(deps, claims, req.ip);
	if (limited) return limited;
	countApiCall(deps, claims);
	if (!fn.methods.includes(req.method)) return new EdgeError(405, 'method_not_allowed', `Use ${fn.methods.join(' or ')}`).toReply();
	let body: Record<string, unknown> = {};
	if (req.bodyText.trim()) {
		try {
			const parsed: unknown = JSON.parse(req.bodyText);
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
			body = parsed as Record<string, unknown>;
		} catch {
			return new EdgeError(400, 'invalid_json', 'Request body must be a JSON object').toReply();
		}
	}
	const ctx = edgeContext(deps, req, claims, body);
	try {
		return await fn.handler(ctx);
	} catch (error) {
		if (error instanceof EdgeError) return error.toReply();
		const pg = toPgError(error);
		if (pg) {
			if (pg.code === '23505') return new EdgeError(409, 'conflict', pg.message).toReply();
			if (pg.code === '22P02' || pg.code === '22007' || pg.code === '22008') return new EdgeError(400, 'validation_error', pg.message).toReply();
			if (pg.code === '42501') return new EdgeError(403, 'forbidden', pg.message).toReply();
			return new EdgeError(500, 'internal_error', pg.message).toReply();
		}
		throw error;
	}
}
