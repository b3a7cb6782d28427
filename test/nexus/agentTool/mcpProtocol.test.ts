/** Unit tests of the MCP client's pure parts: answers as JSON or SSE, errors, tool results, arguments. */
import {
	answerMessages,
	McpAnswerError,
	McpRpcError,
	parseArguments,
	resultOf,
	rpcErrorOfBody,
	toolFailureOf,
	toolsOf,
	toolValueOf,
} from '../../../nodes/Nexus/shared/mcpProtocol';

const sse = (...messages: unknown[]) => messages.map((message) => `event: message\ndata: ${JSON.stringify(message)}\n\n`).join('');

describe('resultOf', () => {
	test('a JSON answer, its id parsed as text by the exact-id parser', () => {
		expect(resultOf({ jsonrpc: '2.0', id: '7', result: { ok: true } }, 7)).toEqual({ ok: true });
	});

	test('an SSE stream: notifications before the response are skipped; CRLF and a missing final blank line are fine', () => {
		const stream = sse({ jsonrpc: '2.0', method: 'notifications/message', params: {} }, { jsonrpc: '2.0', id: 3, result: { tools: [] } });
		expect(resultOf(stream, 3)).toEqual({ tools: [] });
		expect(resultOf(stream.replace(/\n/g, '\r\n').replace(/\r\n\r\n$/, ''), 3)).toEqual({ tools: [] });
	});

	test('a batch answer: the response with the id asked for', () => {
		expect(resultOf([{ jsonrpc: '2.0', id: 1, result: { a: 1 } }, { jsonrpc: '2.0', id: 2, result: { a: 2 } }], 2)).toEqual({ a: 2 });
	});

	test('a JSON-RPC error keeps its code and message', () => {
		const thrown = (() => {
			try {
				resultOf(sse({ jsonrpc: '2.0', id: 4, error: { code: -32602, message: 'Unknown tool: x' } }), 4);
			} catch (error) {
				return error;
			}
			return undefined;
		})();
		expect(thrown).toBeInstanceOf(McpRpcError);
		expect((thrown as McpRpcError).code).toBe(-32602);
		expect((thrown as McpRpcError).rpcMessage).toBe('Unknown tool: x');
	});

	test('a stream cut before the response, or a response to another id, is an answer error', () => {
		expect(() => resultOf('event: message\ndata: {"jsonrpc":"2.0","id":5,"res', 5)).toThrow(McpAnswerError);
		expect(() => resultOf({ jsonrpc: '2.0', id: 6, result: {} }, 5)).toThrow(McpAnswerError);
		expect(() => resultOf(undefined, 5)).toThrow(McpAnswerError);
	});

	test('events of another type than message are not JSON-RPC', () => {
		expect(answerMessages('event: ping\ndata: x\n\n')).toEqual([]);
	});
});

test('rpcErrorOfBody reads the error of a non-2xx JSON-RPC body', () => {
	expect(rpcErrorOfBody({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null })?.code).toBe(-32001);
	expect(rpcErrorOfBody({ code: 'PGRST202', message: 'x' })).toBeUndefined();
});

test('toolsOf: names, descriptions, schemas; only readOnlyHint true is read-only; nameless entries dropped', () => {
	const tools = toolsOf({
		tools: [
			{ name: 'a', description: 'A', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
			{ name: 'b', annotations: { readOnlyHint: false } },
			{ name: 'c' },
			{ description: 'no name' },
		],
	});
	expect(tools.map((tool) => [tool.name, tool.readOnly])).toEqual([
		['a', true],
		['b', false],
		['c', false],
	]);
	expect(tools[0].inputSchema).toEqual({ type: 'object' });
});

describe('tool results', () => {
	test('structured content first, else the text as JSON, else the text', () => {
		expect(toolValueOf({ content: [{ type: 'text', text: '{"x":1}' }], structuredContent: { y: 2 } })).toEqual({ y: 2 });
		expect(toolValueOf({ content: [{ type: 'text', text: '[1,2]' }] })).toEqual([1, 2]);
		expect(toolValueOf({ content: [{ type: 'text', text: 'done' }] })).toEqual({ text: 'done' });
		expect(toolValueOf({ content: [{ type: 'image', data: 'AA', mimeType: 'image/png' }] })).toEqual({
			content: [{ type: 'image', data: 'AA', mimeType: 'image/png' }],
		});
	});

	test('isError: the structured code and message, else the text', () => {
		expect(toolFailureOf({ isError: true, content: [], structuredContent: { error: 'not_found', message: 'No contact' } })).toEqual({
			code: 'not_found',
			message: 'No contact',
		});
		expect(toolFailureOf({ isError: true, content: [{ type: 'text', text: 'boom' }] })).toEqual({ code: undefined, message: 'boom' });
		expect(toolFailureOf({ content: [] })).toBeUndefined();
	});
});

test('parseArguments: a JSON object (text or object); empty is {}; anything else names the problem', () => {
	expect(parseArguments('{"limit": 2}')).toEqual({ value: { limit: 2 } });
	expect(parseArguments({ limit: 2 })).toEqual({ value: { limit: 2 } });
	expect(parseArguments('  ')).toEqual({ value: {} });
	expect(parseArguments('[1]').problem).toMatch(/JSON object/);
	expect(parseArguments('{nope').problem).toMatch(/not valid JSON/);
});
