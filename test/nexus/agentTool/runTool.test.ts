/**
 * Agent Tool → Run Tool: the vendor's hosted MCP server through the node. Tools are listed live
 * (a tool added at run time is listed and called), results become items, `isError` results and
 * JSON-RPC errors become clear errors, JSON and SSE answers both work, one session serves every
 * item, an expired session is opened again once, and a write tool is never sent twice.
 */
import type { IDataObject, INode, INodePropertyOptions } from 'n8n-workflow';

import { MatrixSecrets, whenEnded } from '../../faults/matrix';
import { FAKE_NEXUS_KEY } from '../../harness/secretScan';
import { loadOptions } from '../../harness/triggers';
import type { LoggedRequest } from '../../sandbox/shared/requestLog';
import { apiRequests, header, NEXUS_NODE_TYPE, startNexusTest, type NexusRun, type NexusTest } from '../helpers';

const MCP = '/functions/v1/mcp-server';
let t: NexusTest;
let credential: { id: string; name: string };
const secrets = new MatrixSecrets();

beforeAll(async () => {
	secrets.recordNexusJwts();
	t = await startNexusTest({ requestsPerMinute: 0, authAttemptsPerMinute: 0 });
	await secrets.useFakeNexusKey(t.sandbox);
	credential = t.credential({ apiKey: FAKE_NEXUS_KEY });
	secrets.start();
}, 60_000);
afterAll(async () => {
	secrets.stop();
	await t?.close();
});
afterEach(async () => {
	t.sandbox.faults.clear();
	t.sandbox.mcp.responseMode = 'json';
	await t.sandbox.mcp.removeAddedTools();
});

async function run(parameters: Record<string, unknown>, options: { inputItems?: IDataObject[] } = {}): Promise<NexusRun> {
	const result = await t.run({ resource: 'agentTool', operation: 'runTool', ...parameters } as never, { credential, ...options });
	secrets.scan.collectRun(String(parameters.tool), result.result);
	secrets.scan.collectError(String(parameters.tool), result.error);
	return result;
}

/** The JSON-RPC methods sent to the MCP server, in order (the session's closing DELETE carries none). */
const methods = (requests: LoggedRequest[]) =>
	apiRequests(requests)
		.filter((request) => request.path === MCP && request.method === 'POST')
		.map((request) => String((request.body as { method?: string } | undefined)?.method));

const node = (): INode => ({
	id: 'nexus',
	name: 'Nexus',
	type: NEXUS_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'agentTool', operation: 'runTool' },
	credentials: { nexusApi: credential },
});

test('a tool added to the server at run time is listed and called, with its arguments', async () => {
	await t.sandbox.mcp.addTool({ name: 'acme_echo', inputSchema: { type: 'object', properties: { word: { type: 'string' } } } });
	const options = (await loadOptions(t.engine, node(), 'getMcpTools')) as INodePropertyOptions[];
	expect(options.map((option) => option.value)).toEqual(expect.arrayContaining(['nexus_list_contacts', 'nexus_create_order', 'acme_echo']));
	expect(options).toHaveLength(t.sandbox.mcp.tools().length);
	const result = await run({ tool: 'acme_echo', arguments: '{"word":"hello"}' });
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([{ tool: 'acme_echo', arguments: { word: 'hello' } }]);
	expect(methods(result.requests)).toEqual(['initialize', 'notifications/initialized', 'tools/list', 'tools/call']);
	const calls = apiRequests(result.requests).filter((request) => request.path === MCP);
	const session = header(calls[1], 'mcp-session-id');
	expect(session).toEqual(expect.any(String));
	// initialized, tools/list, tools/call and the closing DELETE: all in the one session.
	expect(calls.slice(1).map((request) => header(request, 'mcp-session-id'))).toEqual([session, session, session, session]);
});

test('a documented tool: its structured content is the item; an array result gives one item per element', async () => {
	const contacts = await run({ tool: 'nexus_list_contacts', arguments: '{"limit": 2}' });
	expect(contacts.error).toBeUndefined();
	expect(contacts.items).toHaveLength(1);
	expect((contacts.items[0].data as unknown[]).length).toBe(2);
	await t.sandbox.mcp.addTool({ name: 'acme_rows', result: [{ n: 1 }, { n: 2 }, 3] });
	const rows = await run({ tool: 'acme_rows', arguments: '{}' });
	expect(rows.error).toBeUndefined();
	expect(rows.items).toEqual([{ n: 1 }, { n: 2 }, { value: 3 }]);
});

test('one session serves every item of an execution', async () => {
	await t.sandbox.mcp.addTool({ name: 'acme_echo', inputSchema: { type: 'object', properties: { word: { type: 'string' } } } });
	const result = await run({ tool: 'acme_echo', arguments: '={{ JSON.stringify({ word: $json.word }) }}' }, { inputItems: [{ word: 'a' }, { word: 'b' }, { word: 'c' }] });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => (item.arguments as { word: string }).word)).toEqual(['a', 'b', 'c']);
	expect(methods(result.requests).filter((method) => method === 'initialize')).toHaveLength(1);
});

test('answers framed as SSE streams work like JSON answers', async () => {
	const json = await run({ tool: 'nexus_list_contacts', arguments: '{"limit": 3}' });
	t.sandbox.mcp.responseMode = 'sse';
	const sse = await run({ tool: 'nexus_list_contacts', arguments: '{"limit": 3}' });
	expect(json.error).toBeUndefined();
	expect(sse.error).toBeUndefined();
	expect(json.items).toHaveLength(1);
	expect((json.items[0].data as unknown[]).length).toBe(3);
	expect(sse.items).toEqual(json.items);
});

test('a tool result with isError is a clear error keeping the vendor message', async () => {
	const result = await run({ tool: 'nexus_get_contact', arguments: '{}' });
	expect(result.error?.message).toMatch(/nexus_get_contact/);
	expect(result.error?.message).toMatch(/invalid_arguments/);
	expect(result.error?.message).toMatch(/Invalid arguments for nexus_get_contact/);
	expect(result.error?.description).toEqual(expect.any(String));
	expect(result.items).toEqual([]);
});

test('a JSON-RPC error (unknown tool) is a clear error keeping the vendor message', async () => {
	const result = await run({ tool: 'acme_not_there', arguments: '{}' });
	expect(result.error?.message).toMatch(/Unknown tool: acme_not_there/);
	expect(result.error?.message).toMatch(/-32602/);
	expect(result.items).toEqual([]);
});

test('arguments that are not a JSON object are refused before anything is sent', async () => {
	const result = await run({ tool: 'nexus_list_contacts', arguments: '[1, 2]' });
	expect(result.error?.message).toMatch(/Arguments/);
	expect(methods(result.requests)).toEqual([]);
});

test('an expired session is opened again once and the call goes on', async () => {
	await t.sandbox.mcp.addTool({ name: 'acme_echo' });
	// Once tools/list (the third POST) is answered, every session ends.
	t.sandbox.mutations.add({ method: 'POST', pathIncludes: MCP, skip: 2, run: async () => await t.sandbox.mcp.expireSessions() });
	const result = await run({ tool: 'acme_echo', arguments: '{"word":"a"}' });
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([{ tool: 'acme_echo', arguments: { word: 'a' } }]);
	const mcp = apiRequests(result.requests).filter((request) => request.path === MCP && request.method === 'POST');
	expect(mcp.map((request) => request.status)).toEqual([200, 202, 200, 404, 200, 202, 200]);
	expect(methods(result.requests)).toEqual([
		'initialize',
		'notifications/initialized',
		'tools/list',
		'tools/call',
		'initialize',
		'notifications/initialized',
		'tools/call',
	]);
	expect(header(mcp[6], 'mcp-session-id')).not.toBe(header(mcp[3], 'mcp-session-id'));
});

test('a session that ends again right after it was opened again gives a clear error, not a loop', async () => {
	await t.sandbox.mcp.addTool({ name: 'acme_echo' });
	t.sandbox.mutations.add({ method: 'POST', pathIncludes: MCP, skip: 2, run: async () => await t.sandbox.mcp.expireSessions() });
	t.sandbox.mutations.add({ method: 'POST', pathIncludes: MCP, skip: 5, run: async () => await t.sandbox.mcp.expireSessions() });
	const result = await run({ tool: 'acme_echo', arguments: '{}' });
	expect(result.error?.message).toMatch(/404.*Session not found/);
	expect(result.error?.httpCode).toBe('404');
	expect(methods(result.requests).filter((method) => method === 'initialize')).toHaveLength(2);
	expect(methods(result.requests).filter((method) => method === 'tools/call')).toHaveLength(2);
});

test('a write tool is not sent again after an ambiguous failure; a read tool is', async () => {
	await t.sandbox.mcp.addTool({ name: 'acme_write', access: 'write' });
	await t.sandbox.mcp.addTool({ name: 'acme_read', access: 'read' });
	const requestOptions = { maxRetries: 2 };
	t.sandbox.faults.add({ kind: 'status', status: 502, method: 'POST', pathIncludes: MCP, skip: 3 });
	const write = await run({ tool: 'acme_write', arguments: '{}', requestOptions });
	// The headline says what happened; the status is in the details.
	expect(`${write.error?.message} ${write.error?.description}`).toMatch(/502/);
	expect(write.error?.description).toEqual(expect.any(String));
	expect(methods(write.requests).filter((method) => method === 'tools/call')).toHaveLength(1);
	t.sandbox.faults.add({ kind: 'status', status: 502, method: 'POST', pathIncludes: MCP, skip: 3 });
	const read = await run({ tool: 'acme_read', arguments: '{}', requestOptions });
	expect(read.error).toBeUndefined();
	expect(read.items).toEqual([{ tool: 'acme_read', arguments: {} }]);
	expect(methods(read.requests).filter((method) => method === 'tools/call')).toHaveLength(2);
});

test('the session is closed when the run ends: one DELETE with its id, after every item, and the server holds no session', async () => {
	await t.sandbox.mcp.expireSessions();
	await t.sandbox.mcp.addTool({ name: 'acme_echo', inputSchema: { type: 'object', properties: { word: { type: 'string' } } } });
	const result = await run({ tool: 'acme_echo', arguments: '={{ JSON.stringify({ word: $json.word }) }}' }, { inputItems: [{ word: 'a' }, { word: 'b' }, { word: 'c' }] });
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(3);
	const mcp = apiRequests(result.requests).filter((request) => request.path === MCP);
	const deletes = mcp.filter((request) => request.method === 'DELETE');
	expect(deletes).toHaveLength(1);
	expect(mcp.at(-1)).toBe(deletes[0]);
	expect(deletes[0].status).toBe(200);
	expect(header(deletes[0], 'mcp-session-id')).toBe(header(mcp[1], 'mcp-session-id'));
	expect(t.sandbox.mcp.state().sessions).toBe(0);
	// The Tool list (no execution) closes the session it opened too.
	await loadOptions(t.engine, node(), 'getMcpTools');
	expect(t.sandbox.mcp.state().sessions).toBe(0);
	expect(t.sandbox.requests.entries.at(-1)?.method).toBe('DELETE');
});

test('a closing DELETE that gets no answer is given up on by the client (not held for the default timeout); the results stand', async () => {
	await t.sandbox.mcp.addTool({ name: 'acme_echo' });
	// The sandbox would end the stall itself after 15 s: the client must hang up before.
	t.sandbox.faults.add({ kind: 'stall', stallMs: 15_000, method: 'DELETE', pathIncludes: MCP });
	const result = await run({ tool: 'acme_echo', arguments: '{"word":"a"}' });
	expect(result.error).toBeUndefined();
	expect(result.items).toEqual([{ tool: 'acme_echo', arguments: { word: 'a' } }]);
	const [close] = await whenEnded(apiRequests(result.requests).filter((request) => request.method === 'DELETE'));
	expect(close.fault).toBe('stall');
	expect(close.abandoned).toBe(true);
}, 30_000);

test('no secret in any output, error or log line', () => {
	secrets.expectNoSecrets({ outputs: 5, errors: 3 });
});
