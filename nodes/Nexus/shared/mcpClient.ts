import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { asNodeError } from '../../shared/nodeErrors';
import { retryPolicyOf } from '../../shared/request';
import { backoffDelayMs } from '../../shared/retry';
import {
	initializeParams,
	MCP_ACCEPT,
	MCP_PROTOCOL_VERSION,
	McpAnswerError,
	McpRpcError,
	resultOf,
	rpcNotification,
	rpcRequest,
	toolFailureOf,
	toolsOf,
	type McpTool,
} from './mcpProtocol';
import { nexusApiRequest, type NexusCallSpec } from './transport';

/**
 * A small client of the vendor's hosted MCP server (streamable HTTP, JSON-RPC 2.0). Hand-written
 * rather than the MCP SDK: the package has no runtime dependencies, and every request must go
 * through the node's own transport (n8n's request helper, the agent JWT and its refresh on 401,
 * retries, error mapping). Only what Run Tool needs: initialize, tools/list, tools/call.
 *
 * One session serves every item of an execution; a session the server no longer knows (404) is
 * opened again once per request.
 */

export const MCP_PATH = '/functions/v1/mcp-server';

interface Session {
	id?: string;
	protocolVersion: string;
}

/** Sessions (and the tools they listed) of running executions, by execution and node. */
const clients = new Map<string, McpClient>();
const MAX_CLIENTS = 50;

export class McpClient {
	/** The session being opened or open; shared, as n8n may run the items of an execution at once. */
	private session: Promise<Session> | undefined;

	private nextId = 1;

	private tools: Promise<McpTool[]> | undefined;

	/** The tools the server lists (read once per client). */
	async listTools(context: NodeContext): Promise<McpTool[]> {
		this.tools ??= this.readTools(context);
		try {
			return await this.tools;
		} catch (error) {
			this.tools = undefined;
			throw asNodeError(context, error);
		}
	}

	private async readTools(context: NodeContext): Promise<McpTool[]> {
		const tools: McpTool[] = [];
		let cursor: string | undefined;
		// A paginated list is followed; the bound only guards against a server that loops.
		for (let page = 0; page < 100; page++) {
			const result = await this.request(context, 'tools/list', cursor ? { cursor } : undefined, { safeToRepeat: true, what: 'MCP tools' });
			tools.push(...toolsOf(result));
			cursor = typeof result.nextCursor === 'string' && result.nextCursor !== '' ? result.nextCursor : undefined;
			if (!cursor) break;
		}
		return tools;
	}

	/** Calls a tool; its `isError` result becomes an error keeping the vendor's code and message. */
	async callTool(context: NodeContext, name: string, args: IDataObject): Promise<IDataObject> {
		const tool = (await this.listTools(context)).find((entry) => entry.name === name);
		// Only a tool the server marks read-only is asked again after an ambiguous failure; a tool
		// not (yet) listed is called all the same and treated as a write.
		const readOnly = tool?.readOnly === true;
		const result = await this.request(
			context,
			'tools/call',
			{ name, arguments: args },
			{ safeToRepeat: readOnly, writes: !readOnly, what: `MCP tool "${name}"` },
		);
		const failure = toolFailureOf(result);
		if (failure) {
			throw new NodeOperationError(context.getNode(), `Nexus tool "${name}" failed${failure.code ? ` (${failure.code})` : ''}: ${failure.message}`, {
				description: toolFailureAdvice(failure.code),
			});
		}
		return result;
	}

	/** One JSON-RPC request in the session (opened first if needed, and again once if it expired). */
	async request(context: NodeContext, method: string, params: IDataObject | undefined, spec: NexusCallSpec): Promise<IDataObject> {
		const session = await this.open(context);
		try {
			return await this.send(context, session, method, params, spec);
		} catch (error) {
			if (!isSessionGone(error, session)) throw asMcpError(context, error);
			// The server ended the session (expired or restarted): it did not run the request.
			// Items running at once may all meet the end: only the first opens a new session.
			const current = this.session;
			if (current && (await current.catch(() => undefined)) === session) this.session = undefined;
			const fresh = await this.open(context);
			try {
				return await this.send(context, fresh, method, params, spec);
			} catch (again) {
				throw asMcpError(context, again);
			}
		}
	}

	private async open(context: NodeContext): Promise<Session> {
		const opening = (this.session ??= this.initialize(context));
		try {
			return await opening;
		} catch (error) {
			if (this.session === opening) this.session = undefined;
			throw asNodeError(context, error);
		}
	}

	private async initialize(context: NodeContext): Promise<Session> {
		const fresh: Session = { protocolVersion: MCP_PROTOCOL_VERSION };
		const id = this.nextId++;
		try {
			const answer = await this.post(context, fresh, rpcRequest(id, 'initialize', initializeParams()), { safeToRepeat: true, what: 'MCP session' });
			const result = resultOf(answer.body, id);
			const sessionId = answer.headers['mcp-session-id'];
			if (typeof sessionId === 'string' && sessionId !== '') fresh.id = sessionId;
			if (typeof result.protocolVersion === 'string' && result.protocolVersion !== '') fresh.protocolVersion = result.protocolVersion;
			await this.post(context, fresh, rpcNotification('notifications/initialized'), { safeToRepeat: true, what: 'MCP session' });
		} catch (error) {
			throw asMcpError(context, error);
		}
		return fresh;
	}

	private async send(
		context: NodeContext,
		session: Session,
		method: string,
		params: IDataObject | undefined,
		spec: NexusCallSpec,
	): Promise<IDataObject> {
		const policy = retryPolicyOf(context);
		for (let attempt = 1; ; attempt++) {
			const id = this.nextId++;
			const answer = await this.post(context, session, rpcRequest(id, method, params), spec);
			try {
				return resultOf(answer.body, id);
			} catch (error) {
				// A stream that ended before the result: the server may have run the request, so
				// only a request safe to repeat is sent again (as a dropped connection would be).
				if (!(error instanceof McpAnswerError)) throw error;
				if (!spec.safeToRepeat || attempt > policy.maxRetries) throw new McpAnswerError(error.message, attempt, spec.safeToRepeat);
				await sleep(backoffDelayMs(attempt - 1, policy));
			}
		}
	}

	private async post(context: NodeContext, session: Session, message: IDataObject, spec: NexusCallSpec) {
		const headers: IDataObject = { Accept: MCP_ACCEPT, 'Content-Type': 'application/json' };
		if (session.id) {
			headers['Mcp-Session-Id'] = session.id;
			headers['MCP-Protocol-Version'] = session.protocolVersion;
		}
		return await nexusApiRequest.call(context, 'POST', MCP_PATH, spec, { body: message, headers });
	}
}

function httpStatusOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const status = Number(error.httpCode);
	return Number.isInteger(status) ? status : undefined;
}

function isSessionGone(error: unknown, session: Session): boolean {
	return session.id !== undefined && httpStatusOf(error) === 404;
}

/** The JSON-RPC error a non-2xx answer carried, as the transport kept it. */
function rpcErrorOfApiError(error: NodeApiError): { code?: unknown; message?: unknown } | undefined {
	const vendor = (error.context?.nexus ?? {}) as IDataObject;
	const rpc = vendor.error;
	return rpc !== null && typeof rpc === 'object' && !Array.isArray(rpc) ? (rpc as IDataObject) : undefined;
}

/** Errors of the MCP exchange as the user reads them: the vendor's message kept, what to do added. */
function asMcpError(context: NodeContext, error: unknown): Error {
	const node = context.getNode();
	if (error instanceof McpRpcError) {
		return new NodeOperationError(node, `Nexus MCP server error (${error.code ?? 'no code'}): ${error.rpcMessage}`, {
			description: rpcErrorAdvice(error.code),
		});
	}
	if (error instanceof McpAnswerError) {
		const attempts = error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
		return new NodeOperationError(node, `${error.message}${attempts}`, {
			description: error.repeatable
				? 'Nexus did not complete the answer. Try again later; if it persists, the MCP server may be unavailable.'
				: 'Nexus did not complete the answer. The request was not repeated, because the tool may already have taken effect: check in Nexus whether it did before running the node again.',
		});
	}
	if (error instanceof NodeApiError) {
		const rpc = rpcErrorOfApiError(error);
		if (rpc && typeof rpc.message === 'string') {
			// The transport kept the JSON-RPC body whole; say it plainly.
			error.message = `Nexus MCP server error ${error.httpCode ?? ''} (${String(rpc.code ?? 'no code')}): ${rpc.message}`.replace('  ', ' ');
		}
	}
	return error instanceof Error ? error : new NodeOperationError(node, String(error));
}

function rpcErrorAdvice(code: number | undefined): string {
	switch (code) {
		case -32601:
			return 'The MCP server does not know this method.';
		case -32602:
			return 'The tool name or its arguments were refused. Pick the tool from the list (it is loaded from the server) and check the arguments against its input schema.';
		case -32001:
			return 'The MCP session ended. Run the node again.';
		default:
			return 'The MCP server refused the request. Check the tool and its arguments; if it persists, the server may be unavailable.';
	}
}

function toolFailureAdvice(code: string | undefined): string {
	switch (code) {
		case 'invalid_arguments':
			return "Check the Arguments against the tool's input schema (the tool list describes each tool).";
		case 'insufficient_scope':
			return 'The agent API key lacks the scope this tool needs (read, write or admin). Ask an organization admin for a key with that scope.';
		case 'plan_scope_limit':
		case 'plan_upgrade_required':
		case 'plan_limit_exceeded':
			return "The organization's plan does not allow this. Upgrade the plan in Nexus, or use a tool the plan includes.";
		case 'not_found':
			return 'Nothing matches the id given. Check the ids in the Arguments.';
		default:
			return 'The tool ran and reported a failure. Check its Arguments; the message above is the tool\'s own.';
	}
}

/** The client of this execution's node (a new one where there is no execution, e.g. loading options). */
export function mcpClientFor(context: NodeContext): McpClient {
	const executionId = (context as { getExecutionId?: () => string | undefined }).getExecutionId?.();
	if (!executionId) return new McpClient();
	const node = context.getNode();
	const key = `${executionId}\n${node.id ?? node.name}\n${JSON.stringify(node.credentials ?? {})}`;
	let client = clients.get(key);
	if (!client) {
		client = new McpClient();
		clients.set(key, client);
		// Executions end without telling the node: keep only the most recent ones.
		while (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
	}
	return client;
}
