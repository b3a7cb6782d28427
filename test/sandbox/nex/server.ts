import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { applyFault, waitForDelay, type FaultInjector } from '../shared/faults';
import type { MutationHooks } from '../nexus/mutations';
import { parseQuery, readBody, type LoggedRequest, type RequestLog } from '../shared/requestLog';
import { authenticate, requireScope, type ApiKey, type KeyRing } from './auth';
import { ApiError, errorBody, type Reply } from './http';
import { parseJson, toJson } from './json';
import type { Ctx, Router } from './router';
import type { NexStore } from './store';
import type { InsightStreamHub } from './stream';
import { parseBody } from './validate';

/** Where the API lives on the sandbox, as on app.nex.ai. */
export const BASE_PATH = '/api/developers';
export const CONTROL_PATH = '/__control';
const STREAM_PATH = /^\/v1\/insights\/stream\/?$/;

export interface ServerDeps {
	store: NexStore;
	ring: KeyRing;
	router: Router;
	hub: InsightStreamHub;
	requests: RequestLog;
	faults: FaultInjector;
	/** Changes to the data run between two requests of a listing (as the Nexus sandbox's). */
	mutations: MutationHooks;
	control(req: IncomingMessage, res: ServerResponse, path: string, rawQuery: string): Promise<void>;
}

function tryParse(text: string): unknown {
	if (text.trim() === '') return undefined;
	try {
		return parseJson(text);
	} catch {
		return undefined;
	}
}

function errorReply(error: unknown): Reply {
	if (error instanceof ApiError) return { status: error.status, json: errorBody(error.status, error.message), headers: error.headers };
	return { status: 500, json: errorBody(500, `internal server error: ${(error as Error)?.message ?? String(error)}`) };
}

function render(reply: Reply): { body: string; headers: Record<string, string> } {
	const headers: Record<string, string> = { ...(reply.headers ?? {}) };
	let body = '';
	if (reply.json !== undefined) {
		body = toJson(reply.json);
		headers['content-type'] = 'application/json';
	} else if (reply.text !== undefined) {
		body = reply.text;
		headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
	}
	headers['content-length'] = String(Buffer.byteLength(body));
	return { body, headers };
}

export function createNexServer(deps: ServerDeps): Server {
	const server = createServer((req, res) => {
		handle(deps, req, res).catch((error: unknown) => {
			if (!res.headersSent) {
				const { body, headers } = render(errorReply(error));
				res.writeHead(500, headers);
				res.end(body);
			} else {
				res.destroy();
			}
		});
	});
	server.keepAliveTimeout = 5_000;
	return server;
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
	const path = url.pathname;
	const rawQuery = url.search.slice(1);
	if (path === CONTROL_PATH || path.startsWith(`${CONTROL_PATH}/`)) {
		await deps.control(req, res, path, rawQuery);
		return;
	}
	const method = (req.method ?? 'GET').toUpperCase();
	const bodyText = await readBody(req);
	const entry: LoggedRequest = deps.requests.record({
		method,
		path,
		query: parseQuery(rawQuery),
		rawQuery,
		headers: { ...req.headers },
		bodyText,
		body: tryParse(bodyText),
		at: Date.now(),
	});
	res.once('finish', () => {
		entry.answeredAt = Date.now();
	});
	const rel = path.startsWith(`${BASE_PATH}/`) ? path.slice(BASE_PATH.length) : undefined;
	const isStream = method === 'GET' && rel !== undefined && STREAM_PATH.test(rel);
	let fault = deps.faults.take(method, path, isStream ? undefined : ['status', 'reset', 'truncate', 'stall', 'delay']);
	if (fault?.kind === 'delay') {
		// A slow server: the answer comes after `stallMs` (not at all to a client that gave up).
		entry.fault = 'delay';
		entry.abandoned = !(await waitForDelay(fault, req));
		fault = undefined;
	}
	if (fault && (fault.kind === 'status' || fault.kind === 'stall')) {
		entry.fault = fault.kind;
		if (fault.kind === 'status') entry.status = fault.status ?? 500;
		applyFault(fault, req, res, (status) => errorBody(status), '');
		return;
	}

	let key: ApiKey | undefined;
	let reply: Reply;
	try {
		if (rel === undefined) throw new ApiError(404, `not found: ${path} (the API lives under ${BASE_PATH}/v1)`);
		key = authenticate(req.headers, deps.ring);
		const match = deps.router.match(method, rel);
		if (!match) throw new ApiError(404, `not found: ${method} ${rel}`);
		if ('allowed' in match) throw new ApiError(405, `method ${method} not allowed`, { allow: match.allowed.join(', ') });
		requireScope(key, match.route.scope);
		let parsed: ReturnType<typeof parseBody> | undefined;
		const ctx: Ctx = {
			req,
			method,
			path: rel,
			params: match.params,
			query: parseQuery(rawQuery),
			headers: req.headers,
			body: () => (parsed ??= parseBody(bodyText)),
			key,
			store: deps.store,
			hub: deps.hub,
			now: deps.store.now(),
		};
		reply = match.route.handler(ctx);
	} catch (error) {
		reply = errorReply(error);
	}

	if (reply.stream && key) {
		entry.status = 200;
		if (fault && (fault.kind === 'reset' || fault.kind === 'truncate')) {
			entry.fault = fault.kind;
			applyFault(fault, req, res, (status) => errorBody(status), `: connected workspace_id=${deps.store.workspaceId} token_id=${key.tokenId}\n\n`);
			return;
		}
		if (fault?.kind === 'drop-stream') entry.fault = 'drop-stream';
		deps.hub.attach(req, res, key, fault?.kind === 'drop-stream' ? (fault.afterEvents ?? 0) : undefined);
		return;
	}

	const { body, headers } = render(reply);
	entry.status = reply.status;
	// Before the answer leaves: the client's next request sees the change.
	await deps.mutations.afterAnswer(method, path);
	if (entry.abandoned === true) return;
	if (fault && (fault.kind === 'reset' || fault.kind === 'truncate')) {
		entry.fault = fault.kind;
		entry.status = 200;
		applyFault(fault, req, res, (status) => errorBody(status), body);
		return;
	}
	res.writeHead(reply.status, headers);
	res.end(body);
}
