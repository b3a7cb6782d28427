/**
 * `POST /functions/v1/mcp-server`: the MCP SDK's streamable HTTP server transport, one
 * transport and one MCP server per session (`Mcp-Session-Id`). Tools run as the JWT of the
 * HTTP request that calls them, through the same database and row-level security as PostgREST.
 *
 * Test controls: expire every session (the next call gets 404 and the client must initialize
 * again), add tools at run time (clients get `notifications/tools/list_changed`), and answer
 * POSTs as JSON or as SSE streams (both legal in the transport).
 */
import { randomUUID } from 'node:crypto';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { AgentClaims } from '../auth';
import { toPgError } from '../db';
import { type EdgeContext, EDGE_FUNCTIONS } from '../edge-functions';
import { type ApiRequest, EdgeError, header, JSON_TYPE, type Reply } from '../http';
import { refusal } from './access';
import { sseToJsonRpc } from './sse';
import { type Args, type JsonSchema, one, ToolError, type ToolContext, type ToolDef } from './toolkit';
import { NEXUS_TOOLS } from './tools';

export type ResponseMode = 'json' | 'sse';

export interface McpCall {
	req: ApiRequest;
	claims: AgentClaims;
	/** An edge-function context for this request (transactions as the caller). */
	context(body: Record<string, unknown>): EdgeContext;
}

export interface AddedToolSpec {
	name: string;
	description?: string;
	inputSchema?: JsonSchema;
	/** What a call answers (default: the tool's name and the arguments it got). */
	result?: unknown;
	access?: 'read' | 'write' | 'admin';
}

interface Session {
	transport: WebStandardStreamableHTTPServerTransport;
	server: Server;
	organizationId: string;
	sub: string;
}

const SERVER_INFO = { name: 'nexus-mcp-server', version: '1.0.0' };

function rpcError(status: number, code: number, message: string): Reply {
	return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }) };
}

function toolResult(value: unknown): CallToolResult {
	const structured = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	return { content: [{ type: 'text', text: JSON.stringify(value) }], ...(structured ? { structuredContent: structured } : {}) };
}

function toolFailure(code: string, message: string): CallToolResult {
	return { content: [{ type: 'text', text: message }], structuredContent: { error: code, message }, isError: true };
}

function isInitialize(body: unknown): boolean {
	const list = Array.isArray(body) ? body : [body];
	return list.some((m) => m && typeof m === 'object' && (m as { method?: unknown }).method === 'initialize');
}

export class McpHub {
	private readonly sessions = new Map<string, Session>();
	private readonly added: ToolDef[] = [];
	private readonly ajv = new Ajv({ allErrors: true, strict: false });
	private readonly validators = new Map<string, ValidateFunction>();
	/** How many times each tool ran to completion (its effect applied), whatever became of the answer. */
	private readonly appliedCounts = new Map<string, number>();
	responseMode: ResponseMode;

	constructor(
		private readonly deps: {
			/** `agent_api_keys.agent_id` of a key (read past row-level security). */
			agentAccountOf(apiKeyId: string): Promise<string | null>;
			defaultResponseMode?: ResponseMode;
		},
	) {
		addFormats(this.ajv);
		this.responseMode = deps.defaultResponseMode ?? 'json';
	}

	tools(): ToolDef[] {
		return [...NEXUS_TOOLS, ...this.added];
	}

	/** How many times `name` ran to completion since the start (or the last reset). */
	applied(name: string): number {
		return this.appliedCounts.get(name) ?? 0;
	}

	state(): Record<string, unknown> {
		return {
			sessions: this.sessions.size,
			responseMode: this.responseMode,
			tools: this.tools().length,
			addedTools: this.added.map((t) => t.name),
			applied: Object.fromEntries(this.appliedCounts),
		};
	}

	/** Ends every session: the next request with one of their ids answers 404. */
	async expireSessions(): Promise<number> {
		const all = [...this.sessions.values()];
		this.sessions.clear();
		for (const session of all) {
			await session.server.close().catch(() => undefined);
		}
		return all.length;
	}

	async addTool(spec: AddedToolSpec): Promise<ToolDef> {
		if (!spec.name || !/^[A-Za-z0-9_.-]{1,128}$/.test(spec.name)) throw new EdgeError(400, 'validation_error', 'name must be 1-128 letters, digits, _ . or -');
		if (this.tools().some((t) => t.name === spec.name)) throw new EdgeError(409, 'tool_exists', `A tool named ${spec.name} already exists`);
		const tool: ToolDef = {
			name: spec.name,
			description: spec.description ?? `Added at run time: ${spec.name}`,
			inputSchema: spec.inputSchema ?? { type: 'object', properties: {} },
			access: spec.access ?? 'read',
			run: async (_ctx, args) => (spec.result !== undefined ? spec.result : { tool: spec.name, arguments: args }),
		};
		this.ajv.compile(tool.inputSchema);
		this.added.push(tool);
		await this.notifyToolsChanged();
		return tool;
	}

	async removeAddedTools(): Promise<void> {
		this.added.length = 0;
		await this.notifyToolsChanged();
	}

	async reset(): Promise<void> {
		await this.expireSessions();
		this.added.length = 0;
		this.appliedCounts.clear();
		this.responseMode = this.deps.defaultResponseMode ?? 'json';
	}

	private async notifyToolsChanged(): Promise<void> {
		for (const session of this.sessions.values()) await session.server.sendToolListChanged().catch(() => undefined);
	}

	async handle(call: McpCall): Promise<Reply> {
		const { req, claims } = call;
		if (req.method === 'OPTIONS') return { status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' };
		let parsed: unknown;
		if (req.method === 'POST') {
			try {
				parsed = JSON.parse(req.bodyText);
			} catch {
				return rpcError(400, ErrorCode.ParseError, 'Parse error: the body must be JSON-RPC 2.0');
			}
		}
		const sessionId = header(req.headers, 'mcp-session-id');
		let session: Session | undefined;
		if (sessionId) {
			session = this.sessions.get(sessionId);
			// A session belongs to the agent that opened it; anyone else is told it does not exist.
			if (!session || session.organizationId !== claims.organization_id || session.sub !== claims.sub) return rpcError(404, -32001, 'Session not found');
		} else if (req.method === 'POST' && isInitialize(parsed)) {
			session = await this.openSession(claims);
		} else {
			return rpcError(400, -32000, 'Bad Request: Mcp-Session-Id header is required (initialize first)');
		}
		const url = `http://127.0.0.1${req.path}${req.rawQuery ? `?${req.rawQuery}` : ''}`;
		const headers = new Headers();
		for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
		const request = new Request(url, { method: req.method, headers, body: req.method === 'POST' ? req.bodyText : undefined });
		const response = await session.transport.handleRequest(request, { parsedBody: parsed, authInfo: { token: '', clientId: String(claims.api_key_id ?? claims.sub), scopes: claims.agent_scopes ?? [], extra: { call } } });
		const replyHeaders: Record<string, string> = {};
		response.headers.forEach((value, key) => {
			replyHeaders[key] = value;
		});
		const streaming = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
		if (streaming && req.method === 'GET' && response.body) return { status: response.status, headers: replyHeaders, stream: response.body };
		const text = await response.text();
		if (streaming && this.responseMode === 'json') {
			replyHeaders['content-type'] = 'application/json';
			delete replyHeaders['cache-control'];
			delete replyHeaders['x-accel-buffering'];
			delete replyHeaders.connection;
			return { status: response.status, headers: replyHeaders, body: JSON.stringify(sseToJsonRpc(text, Array.isArray(parsed))) };
		}
		return { status: response.status, headers: replyHeaders, body: text === '' ? undefined : text };
	}

	private async openSession(claims: AgentClaims): Promise<Session> {
		const server = new Server(SERVER_INFO, {
			capabilities: { tools: { listChanged: true } },
			instructions: 'Nexus operations platform: contacts, orders, inventory, conversations, social, team chat and conversation intelligence.',
		});
		const session: Session = {
			server,
			organizationId: String(claims.organization_id),
			sub: String(claims.sub),
			transport: new WebStandardStreamableHTTPServerTransport({
				sessionIdGenerator: () => randomUUID(),
				onsessioninitialized: (id) => {
					this.sessions.set(id, session);
				},
				onsessionclosed: (id) => {
					this.sessions.delete(id);
				},
			}),
		};
		server.setRequestHandler(ListToolsRequestSchema, async () => ({
			tools: this.tools().map((t) => ({
				name: t.name,
				description: t.description,
				inputSchema: t.inputSchema as { type: 'object' },
				annotations: { readOnlyHint: t.access === 'read', destructiveHint: t.access === 'admin' },
			})),
		}));
		server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
			const call = (extra.authInfo?.extra as { call?: McpCall } | undefined)?.call;
			if (!call) throw new McpError(ErrorCode.InternalError, 'No request context');
			return this.callTool(call, request.params.name, request.params.arguments ?? {});
		});
		await server.connect(session.transport);
		return session;
	}

	private validator(tool: ToolDef): ValidateFunction {
		let v = this.validators.get(tool.name);
		if (!v) {
			v = this.ajv.compile(tool.inputSchema);
			this.validators.set(tool.name, v);
		}
		return v;
	}

	private async callTool(call: McpCall, name: string, args: Args): Promise<CallToolResult> {
		const tool = this.tools().find((t) => t.name === name);
		// An unknown tool is a protocol error (JSON-RPC -32602); everything after is a tool result.
		if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
		const validate = this.validator(tool);
		if (!validate(args)) {
			return toolFailure('invalid_arguments', `Invalid arguments for ${name}: ${this.ajv.errorsText(validate.errors, { dataVar: 'arguments' })}`);
		}
		const ctx = this.toolContext(call);
		try {
			const plan = await ctx.tx(async (q) => String((await one(q, 'select plan from public.organizations'))?.plan ?? 'free'));
			const refused = refusal(tool, call.claims.agent_scopes, plan);
			if (refused) return toolFailure(refused.code, refused.message);
			const value = await tool.run(ctx, args);
			this.appliedCounts.set(name, this.applied(name) + 1);
			return toolResult(value);
		} catch (error) {
			if (error instanceof ToolError) return toolFailure(error.code, error.message);
			if (error instanceof EdgeError) return toolFailure(error.code, error.message);
			const pg = toPgError(error);
			if (pg) return toolFailure(pg.code === '23505' ? 'conflict' : pg.code === '23503' ? 'invalid_reference' : 'database_error', `${pg.message}${pg.detail ? ` (${pg.detail})` : ''}`);
			throw error;
		}
	}

	private toolContext(call: McpCall): ToolContext {
		const base = call.context({});
		return {
			claims: call.claims,
			orgId: base.orgId,
			tx: (fn) => base.tx(fn),
			edge: async (name, body) => {
				const fn = EDGE_FUNCTIONS[name];
				if (!fn) throw new ToolError('not_supported', `No ${name} function`);
				const reply = await fn.handler(call.context(body));
				const answer = reply.body ? (JSON.parse(reply.body) as Record<string, unknown>) : {};
				if (reply.status >= 400) throw new ToolError(String(answer.error ?? 'error'), String(answer.message ?? `${name} failed with ${reply.status}`));
				return answer;
			},
			agentAccountId: () => (call.claims.api_key_id ? this.deps.agentAccountOf(String(call.claims.api_key_id)) : Promise.resolve(null)),
		};
	}
}
