import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { executionKeyOf } from '../../shared/executionKey';
import { asNodeError } from '../../shared/nodeErrors';
import { retryPolicyOf } from '../../shared/request';
import { backoffDelayMs } from '../../shared/retry';
import {
	initializeParams,
	MCP_ACCEPT,
	MCP_PROTOCOL_VERSION,
	cutAnswerOf,
	McpAnswerError,
	resultOf,
	rpcNotification,
	rpcRequest,
	toolFailureOf,
	toolsOf,
	type McpTool,
} from './mcpProtocol';
import { asMcpError, toolFailureAdvice } from './mcpErrors';
import { nexusApiRequest, type NexusCallSpec } from './transport';

/**
 * A small client of the vendor's hosted MCP server (streamable HTTP, JSON-RPC 2.0). Hand-written
 * rather than the MCP SDK: the package has no runtime dependencies, and every request must go
 * through the node's own transport (n8n's request helper, the agent JWT and its refresh on 401,
 * retries, error mapping). Only what Run Tool needs: initialize, tools/list, tools/call.
 *
 * One session serves every item of an execution and is closed when they are done; a session the
 * server no longer knows (404) is opened again once per request.
 */

export const MCP_PATH = '/functions/v1/mcp-server';

interface Session {
	id?: string;
	protocolVersion: string;
}

/** Sessions (and the tools they listed) of running executions, by execution and node. */
const clients = new Map<string, McpClient>();
const MAX_CLIENTS = 50;
const CLOSE_TIMEOUT_MS = 10_000;

export class McpClient {
	/** The session being opened or open; shared, as n8n may run the items of an execution at once. */
	private session: Promise<Session> | undefined;

	private nextId = 1;

	private tools: Promise<McpTool[]> | undefined;

	/** Items of the run using the client now (see withMcpClient). */
	users = 0;

	/**
	 * Ends the session on the server (HTTP DELETE with its id, as the transport provides). Best
	 * effort: a server that does not allow it (405) or already ended it lets it expire.
	 */
	async close(context: NodeContext): Promise<void> {
		const opening = this.session;
		this.session = undefined;
		this.tools = undefined;
		const session = await opening?.catch(() => undefined);
		if (!session?.id) return;
		try {
			// A server that does not answer must not hold the run up for n8n's default 5 minutes.
			const spec = { safeToRepeat: false, defaultTimeoutMs: CLOSE_TIMEOUT_MS, what: 'MCP session' };
			await nexusApiRequest.call(context, 'DELETE', MCP_PATH, spec, { headers: sessionHeaders(session) });
		} catch {
			// Nothing depends on it: the run's results are in.
		}
	}

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
			// A stream that ended before the result: the server may have run the request, so only
			// a request safe to repeat is sent again (as after a dropped connection).
			const cut = cutAnswerOf(answer.body, id);
			if (cut && spec.safeToRepeat && attempt <= policy.maxRetries) {
				await sleep(backoffDelayMs(attempt - 1, policy));
				continue;
			}
			if (cut) throw new McpAnswerError(cut.message, attempt, spec.safeToRepeat);
			return resultOf(answer.body, id);
		}
	}

	private async post(context: NodeContext, session: Session, message: IDataObject, spec: NexusCallSpec) {
		const headers: IDataObject = { Accept: MCP_ACCEPT, 'Content-Type': 'application/json', ...sessionHeaders(session) };
		return await nexusApiRequest.call(context, 'POST', MCP_PATH, spec, { body: message, headers });
	}
}

function sessionHeaders(session: Session): IDataObject {
	return session.id ? { 'Mcp-Session-Id': session.id, 'MCP-Protocol-Version': session.protocolVersion } : {};
}

function httpStatusOf(error: unknown): number | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const status = Number(error.httpCode);
	return Number.isInteger(status) ? status : undefined;
}

function isSessionGone(error: unknown, session: Session): boolean {
	return session.id !== undefined && httpStatusOf(error) === 404;
}

/** The client of this execution's node (a new one where there is no execution, e.g. loading options). */
export function mcpClientFor(context: NodeContext): McpClient {
	const key = executionKeyOf(context);
	if (!key) return new McpClient();
	let client = clients.get(key);
	if (!client) {
		client = new McpClient();
		clients.set(key, client);
		// A bound in case a client is never released (a run stopped mid-way): the oldest go first.
		while (clients.size > MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
	}
	return client;
}

/**
 * Runs `use` with the client of this execution's node. n8n starts every item of a run at once:
 * they share the client, and the last one to finish closes its session (HTTP DELETE), so no
 * session outlives the run on the server and no client stays in memory.
 */
export async function withMcpClient<T>(context: NodeContext, use: (client: McpClient) => Promise<T>): Promise<T> {
	const client = mcpClientFor(context);
	client.users++;
	try {
		return await use(client);
	} finally {
		client.users--;
		if (client.users === 0) {
			const key = executionKeyOf(context);
			if (key && clients.get(key) === client) clients.delete(key);
			await client.close(context);
		}
	}
}
