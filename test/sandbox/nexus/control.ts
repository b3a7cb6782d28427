/**
 * `/__control/*`: test hooks, no auth, never faulted or logged.
 *
 *   GET    /__control/state                 counters and settings
 *   POST   /__control/reset                 fresh seed, no faults, empty log
 *   GET    /__control/faults                pending faults
 *   POST   /__control/faults                add a FaultSpec or an array of them
 *   DELETE /__control/faults                clear faults
 *   GET    /__control/mutations             pending mid-listing mutations
 *   POST   /__control/mutations             {method?, pathIncludes?, skip?, sql, params?}: run the SQL
 *                                           once the (skip+1)-th matching request was answered
 *   DELETE /__control/mutations             clear pending mutations
 *   GET    /__control/requests              the request log
 *   DELETE /__control/requests              clear the log
 *   POST   /__control/seed/orders           {org, count, sameUpdatedAt?, status?} -> {ids}
 *   POST   /__control/touch/orders          {org?, ids?, count?, status?, updatedAt?} -> {ids}
 *   POST   /__control/move/shipment         {awbId|awbNumber, status, location?, notes?, timestamp?} -> {log}
 *   POST   /__control/log/calls             {org?, callDate?, status?, direction?, callerNumber?, calledNumber?,
 *                                           customerId?, durationSeconds?, count?} -> {calls}
 *   POST   /__control/message-status        {ids, status} -> {ids}
 *   POST   /__control/expire-tokens         every issued JWT answers "JWT expired"
 *   POST   /__control/jwt-lifetime          {seconds}
 *   POST   /__control/limits                {requestsPerMinute?, requestWindowMs?, authAttemptsPerMinute?}
 *   POST   /__control/sql                   {sql, params?} -> {rows} (superuser)
 *   POST   /__control/reload-schema         reload the schema cache after DDL
 *   POST   /__control/api-keys              {org, scopes, name?} -> {api_key}
 *   GET    /__control/mcp                   MCP sessions, response mode, tools
 *   POST   /__control/mcp/expire-sessions   every MCP session ends (next call 404)
 *   POST   /__control/mcp/response-mode     {mode: "json" | "sse"}
 *   POST   /__control/mcp/tools             {name, description?, inputSchema?, result?, access?}
 *   DELETE /__control/mcp/tools             remove the tools added at run time
 */
import type { FaultSpec } from '../shared/faults';
import { toPgError } from './db';
import { type ApiRequest, EdgeError, json, type Reply } from './http';
import type { AddedToolSpec } from './mcp/hub';
import type { LogCallOptions, MoveShipmentOptions, NexusSandbox, TouchOrdersOptions } from './index';

function parseBody(req: ApiRequest): Record<string, unknown> {
	if (!req.bodyText.trim()) return {};
	const v: unknown = JSON.parse(req.bodyText);
	if (Array.isArray(v)) return { items: v };
	return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
}

export function controlHandler(sandbox: () => NexusSandbox, state: () => Record<string, unknown>) {
	return async (req: ApiRequest): Promise<Reply> => {
		const s = sandbox();
		const route = `${req.method} ${req.path.replace(/\/+$/, '')}`;
		let body: Record<string, unknown>;
		try {
			body = parseBody(req);
		} catch {
			return json(400, { error: 'invalid_json', message: 'Body must be JSON' });
		}
		try {
			switch (route) {
				case 'GET /__control':
				case 'GET /__control/state':
					return json(200, state());
				case 'POST /__control/reset':
					await s.reset();
					return json(200, { ok: true });
				case 'GET /__control/faults':
					return json(200, { faults: s.faults.pending() });
				case 'POST /__control/faults': {
					const specs = (Array.isArray(body.items) ? body.items : Array.isArray(body.faults) ? body.faults : [body]) as FaultSpec[];
					for (const spec of specs) {
						if (!spec || typeof spec.kind !== 'string') return json(400, { error: 'validation_error', message: 'fault needs a kind' });
						s.faults.add(spec);
					}
					return json(200, { faults: s.faults.pending() });
				}
				case 'DELETE /__control/faults':
					s.faults.clear();
					return json(200, { ok: true });
				case 'GET /__control/mutations':
					return json(200, { mutations: s.mutations.pending() });
				case 'POST /__control/mutations': {
					if (typeof body.sql !== 'string' || body.sql.trim() === '') return json(400, { error: 'validation_error', message: 'sql is required' });
					s.mutations.add({
						method: typeof body.method === 'string' ? body.method : undefined,
						pathIncludes: typeof body.pathIncludes === 'string' ? body.pathIncludes : undefined,
						skip: typeof body.skip === 'number' ? body.skip : undefined,
						sql: body.sql,
						params: Array.isArray(body.params) ? body.params : [],
					});
					return json(200, { mutations: s.mutations.pending() });
				}
				case 'DELETE /__control/mutations':
					s.mutations.clear();
					return json(200, { ok: true });
				case 'GET /__control/requests':
					return json(200, { requests: s.requests.entries });
				case 'DELETE /__control/requests':
					s.requests.clear();
					return json(200, { ok: true });
				case 'POST /__control/seed/orders': {
					const org = body.org === 'b' ? 'b' : 'a';
					const count = Number(body.count ?? 1);
					if (!Number.isInteger(count) || count < 1 || count > 1_000_000) return json(400, { error: 'validation_error', message: 'count must be 1..1000000' });
					const ids = await s.seedOrders({
						org,
						count,
						sameUpdatedAt: typeof body.sameUpdatedAt === 'string' ? body.sameUpdatedAt : undefined,
						status: typeof body.status === 'string' ? body.status : undefined,
					});
					return json(200, { ids, count: ids.length });
				}
				case 'POST /__control/touch/orders':
					return json(200, { ids: await s.touchOrders(body as TouchOrdersOptions) });
				case 'POST /__control/move/shipment':
					if (typeof body.status !== 'string' || (typeof body.awbId !== 'string' && typeof body.awbNumber !== 'string')) {
						return json(400, { error: 'validation_error', message: 'awbId or awbNumber, and status, are required' });
					}
					return json(200, { log: await s.moveShipment(body as unknown as MoveShipmentOptions) });
				case 'POST /__control/log/calls':
					return json(200, { calls: await s.logCalls(body as LogCallOptions) });
				case 'POST /__control/message-status':
					if (!Array.isArray(body.ids) || typeof body.status !== 'string') return json(400, { error: 'validation_error', message: 'ids and status are required' });
					return json(200, { ids: await s.setMessageStatus(body.ids.map(String), body.status) });
				case 'POST /__control/expire-tokens':
					s.expireTokens();
					return json(200, { ok: true });
				case 'POST /__control/jwt-lifetime': {
					const seconds = Number(body.seconds);
					if (!Number.isFinite(seconds) || seconds < 0) return json(400, { error: 'validation_error', message: 'seconds must be >= 0' });
					s.setJwtLifetime(seconds);
					return json(200, { ok: true, seconds });
				}
				case 'POST /__control/limits':
					if (body.requestsPerMinute !== undefined) s.setRequestsPerMinute(Number(body.requestsPerMinute));
					if (body.requestWindowMs !== undefined) s.setRequestWindow(Number(body.requestWindowMs));
					if (body.authAttemptsPerMinute !== undefined) s.setAuthAttemptsPerMinute(Number(body.authAttemptsPerMinute));
					return json(200, state());
				case 'POST /__control/sql': {
					if (typeof body.sql !== 'string') return json(400, { error: 'validation_error', message: 'sql is required' });
					const rows = await s.query(body.sql, Array.isArray(body.params) ? body.params : []);
					return json(200, { rows });
				}
				case 'POST /__control/reload-schema':
					await s.reloadSchemaCache();
					return json(200, { ok: true });
				case 'POST /__control/api-keys': {
					const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : ['read'];
					return json(200, { api_key: await s.createApiKey({ org: body.org === 'b' ? 'b' : 'a', scopes, name: typeof body.name === 'string' ? body.name : undefined }), scopes });
				}
				case 'GET /__control/mcp':
					return json(200, s.mcp.state());
				case 'POST /__control/mcp/expire-sessions':
					return json(200, { expired: await s.mcp.expireSessions() });
				case 'POST /__control/mcp/response-mode':
					if (body.mode !== 'json' && body.mode !== 'sse') return json(400, { error: 'validation_error', message: 'mode must be json or sse' });
					s.mcp.responseMode = body.mode;
					return json(200, s.mcp.state());
				case 'POST /__control/mcp/tools':
					await s.mcp.addTool(body as unknown as AddedToolSpec);
					return json(200, s.mcp.state());
				case 'DELETE /__control/mcp/tools':
					await s.mcp.removeAddedTools();
					return json(200, s.mcp.state());
				default:
					return json(404, { error: 'not_found', message: `No control endpoint ${route}` });
			}
		} catch (error) {
			if (error instanceof EdgeError) return error.toReply();
			const pg = toPgError(error);
			if (pg) return json(400, { error: 'sql_error', code: pg.code, message: pg.message, details: pg.detail, hint: pg.hint });
			return json(500, { error: 'internal_error', message: error instanceof Error ? error.message : String(error) });
		}
	};
}
