import type { IDataObject } from 'n8n-workflow';

import { SseParser } from '../../NexTrigger/sse/parser';
import { parseJsonKeepingIds } from '../../shared/losslessJson';

/**
 * The pure parts of the MCP client (JSON-RPC 2.0 over the streamable HTTP transport): the
 * messages sent, reading an answer given as JSON or as an SSE stream, and turning a tool result
 * into items. No I/O here; mcpClient.ts sends.
 */

/** The protocol version asked for; the server answers the one it speaks, which is sent from then on. */
export const MCP_PROTOCOL_VERSION = '2025-06-18';

/** The transport requires a client to accept both forms of answer. */
export const MCP_ACCEPT = 'application/json, text/event-stream';

export const MCP_CLIENT_INFO = { name: 'n8n-nodes-nex', version: '1.0.0' };

export interface JsonRpcRequest extends IDataObject {
	jsonrpc: '2.0';
	method: string;
	id?: number;
	params?: IDataObject;
}

export function rpcRequest(id: number, method: string, params?: IDataObject): JsonRpcRequest {
	return { jsonrpc: '2.0', id, method, ...(params ? { params } : {}) };
}

export function rpcNotification(method: string): JsonRpcRequest {
	return { jsonrpc: '2.0', method };
}

export function initializeParams(): IDataObject {
	return { protocolVersion: MCP_PROTOCOL_VERSION, capabilities: {}, clientInfo: MCP_CLIENT_INFO };
}

/** A JSON-RPC error answer (the server refused the request itself, not a tool's failure). */
export class McpRpcError extends Error {
	constructor(
		readonly code: number | undefined,
		readonly rpcMessage: string,
		readonly data?: unknown,
	) {
		super(`${rpcMessage}${code === undefined ? '' : ` (${code})`}`);
	}
}

/** The answer did not hold the response to the request (cut stream, or not JSON-RPC). */
export class McpAnswerError extends Error {
	constructor(
		message: string,
		/** Requests sent before giving up. */
		readonly attempts = 1,
		/** Whether the request was one safe to repeat (else it was sent once: it may have taken effect). */
		readonly repeatable = true,
	) {
		super(message);
	}
}

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseOrUndefined(text: string): unknown {
	try {
		return parseJsonKeepingIds(text);
	} catch {
		return undefined;
	}
}

/** The JSON-RPC messages of an answer: a JSON body (one message or a batch) or an SSE stream's `message` events. */
export function answerMessages(body: unknown): unknown[] {
	if (typeof body === 'string') {
		const parser = new SseParser();
		// A final blank line dispatches an event that ends the stream without one.
		const events = [...parser.push(body), ...parser.push('\n\n')];
		const messages: unknown[] = [];
		for (const event of events) {
			if (event.kind !== 'event' || event.type !== 'message' || event.data.trim() === '') continue;
			const message = parseOrUndefined(event.data);
			if (message === undefined) throw new McpAnswerError('An event of the MCP answer stream is not JSON (it may have been cut off)');
			messages.push(message);
		}
		return messages;
	}
	if (Array.isArray(body)) return body;
	return body === undefined || body === null ? [] : [body];
}

/** The result of request `id` from an answer, or its JSON-RPC error thrown. */
export function resultOf(body: unknown, id: number): IDataObject {
	// The transport parses JSON with every `id` as a string (exact ids): compare as text.
	const response = answerMessages(body).find(
		(message) => isObject(message) && message.id !== undefined && message.id !== null && String(message.id) === String(id) && ('result' in message || 'error' in message),
	);
	if (!isObject(response)) {
		throw new McpAnswerError('The MCP server answered without the result of the request (the answer may have been cut off)');
	}
	if (isObject(response.error)) {
		const { code, message, data } = response.error;
		throw new McpRpcError(typeof code === 'number' ? code : undefined, typeof message === 'string' ? message : 'Unknown error', data);
	}
	return isObject(response.result) ? response.result : {};
}

/** Why an answer lacks request `id`'s response (a cut stream), or undefined when it holds it. */
export function cutAnswerOf(body: unknown, id: number): McpAnswerError | undefined {
	try {
		resultOf(body, id);
		return undefined;
	} catch (error) {
		return error instanceof McpAnswerError ? error : undefined;
	}
}

/** The JSON-RPC error of a non-2xx answer body (`{jsonrpc, error: {code, message}}`), if it is one. */
export function rpcErrorOfBody(body: unknown): McpRpcError | undefined {
	const error = isObject(body) ? body.error : undefined;
	if (!isObject(error) || typeof error.message !== 'string') return undefined;
	return new McpRpcError(typeof error.code === 'number' ? error.code : undefined, error.message, error.data);
}

export interface McpTool {
	name: string;
	title?: string;
	description?: string;
	inputSchema?: IDataObject;
	/** Only a tool the server marks read-only is asked again after an ambiguous failure. */
	readOnly: boolean;
}

/** The tools of a `tools/list` result. */
export function toolsOf(result: IDataObject): McpTool[] {
	const tools = Array.isArray(result.tools) ? result.tools : [];
	return tools.filter(isObject).flatMap((tool) => {
		if (typeof tool.name !== 'string' || tool.name === '') return [];
		const annotations = isObject(tool.annotations) ? tool.annotations : {};
		return [
			{
				name: tool.name,
				title: typeof tool.title === 'string' ? tool.title : typeof annotations.title === 'string' ? annotations.title : undefined,
				description: typeof tool.description === 'string' ? tool.description : undefined,
				inputSchema: isObject(tool.inputSchema) ? tool.inputSchema : undefined,
				readOnly: annotations.readOnlyHint === true,
			},
		];
	});
}

/** A tool result with `isError`: the vendor's code and message (from its structured content or its text). */
export function toolFailureOf(result: IDataObject): { code?: string; message: string } | undefined {
	if (result.isError !== true) return undefined;
	const structured = isObject(result.structuredContent) ? result.structuredContent : {};
	const code = typeof structured.error === 'string' ? structured.error : undefined;
	const message =
		typeof structured.message === 'string' && structured.message !== '' ? structured.message : textOf(result) || 'The tool failed without a message';
	return { code, message };
}

function textOf(result: IDataObject): string {
	const content = Array.isArray(result.content) ? result.content : [];
	return content
		.filter((block): block is IDataObject => isObject(block) && block.type === 'text' && typeof block.text === 'string')
		.map((block) => String(block.text))
		.join('\n');
}

/**
 * What a successful tool result holds: its structured content, else its text parsed as JSON when
 * it is JSON, else `{text}`; other content blocks (images...) as they are.
 */
export function toolValueOf(result: IDataObject): unknown {
	if (result.structuredContent !== undefined && result.structuredContent !== null) return result.structuredContent;
	const content = Array.isArray(result.content) ? result.content : [];
	const text = textOf(result);
	if (text !== '') {
		try {
			return parseJsonKeepingIds(text);
		} catch {
			return { text };
		}
	}
	return content.length > 0 ? { content } : {};
}

/** The JSON arguments parameter: an object, or a message naming what is wrong. */
export function parseArguments(value: unknown): { value?: IDataObject; problem?: string } {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return { value: {} };
		try {
			parsed = JSON.parse(value) as unknown;
		} catch (error) {
			return { problem: `not valid JSON (${(error as Error).message})` };
		}
	}
	if (parsed === undefined || parsed === null) return { value: {} };
	if (!isObject(parsed)) return { problem: 'must be a JSON object, e.g. {"limit": 10}' };
	return { value: parsed };
}
