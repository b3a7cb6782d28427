/**
 * Agent Tool → Run Tool with Arguments Mode "Map Each Field": n8n's resource mapper loads the
 * chosen tool's arguments from its input schema (`tools/list`), and a run sends the mapped
 * values typed as the schema says. JSON stays the default (runTool.test.ts).
 */
import type { IDataObject, INode, INodeParameters, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { addNexusAgentKey, FAKE_NEXUS_KEY } from '../../harness/secretScan';
import { loadOptions } from '../../harness/triggers';
import type { LoggedRequest } from '../../sandbox/shared/requestLog';
import { apiRequests, NEXUS_NODE_TYPE, startNexusTest, type NexusRun, type NexusTest } from '../helpers';

const MCP = '/functions/v1/mcp-server';
let t: NexusTest;
let credential: { id: string; name: string };

beforeAll(async () => {
	t = await startNexusTest({ requestsPerMinute: 0, authAttemptsPerMinute: 0 });
	credential = t.credential({ apiKey: FAKE_NEXUS_KEY });
	await addNexusAgentKey(t.sandbox, FAKE_NEXUS_KEY);
}, 60_000);
afterAll(async () => {
	await t?.close();
});
afterEach(async () => {
	await t.sandbox.mcp.removeAddedTools();
});

const TYPED_TOOL = {
	name: 'acme_typed',
	access: 'write' as const,
	inputSchema: {
		type: 'object',
		properties: {
			contact_id: { type: 'string', title: 'Contact ID' },
			limit: { type: 'integer' },
			urgent: { type: 'boolean' },
			status: { type: 'string', enum: ['open', 'closed'] },
			tags: { type: 'array', items: { type: 'string' } },
			meta: { type: 'object' },
			note: { type: ['string', 'null'] },
		},
		required: ['contact_id', 'limit'],
		additionalProperties: false,
	},
};

const node = (parameters: INodeParameters): INode => ({
	id: 'nexus',
	name: 'Nexus',
	type: NEXUS_NODE_TYPE,
	typeVersion: 1,
	position: [0, 0],
	parameters: { resource: 'agentTool', operation: 'runTool', ...parameters },
	credentials: { nexusApi: credential },
});

async function toolFields(tool: string): Promise<ResourceMapperField[]> {
	const answer = (await loadOptions(t.engine, node({ tool, argumentsMode: 'fields' }), 'getMcpToolFields', 'resourceMapping')) as ResourceMapperFields;
	return answer.fields;
}

const mcpPosts = (requests: LoggedRequest[]) => apiRequests(requests).filter((request) => request.path === MCP && request.method === 'POST');
const toolCallsOf = (requests: LoggedRequest[]) => mcpPosts(requests).filter((request) => (request.body as { method?: string }).method === 'tools/call');

async function runMapped(value: IDataObject, schema: ResourceMapperField[], inputItems?: IDataObject[]): Promise<NexusRun> {
	return await t.run(
		{
			resource: 'agentTool',
			operation: 'runTool',
			tool: TYPED_TOOL.name,
			argumentsMode: 'fields',
			toolArguments: { mappingMode: 'defineBelow', value, matchingColumns: [], schema, attemptToConvertTypes: false, convertFieldsToString: false } as unknown as INodeParameters,
		},
		{ credential, ...(inputItems ? { inputItems } : {}) },
	);
}

test('the mapper lists a tool added at run time with its fields: required marked, types from the schema', async () => {
	await t.sandbox.mcp.addTool(TYPED_TOOL);
	const fields = await toolFields(TYPED_TOOL.name);
	const base = { defaultMatch: false, canBeUsedToMatch: false, display: true };
	expect(fields).toEqual([
		{ ...base, id: 'contact_id', displayName: 'Contact ID', required: true, type: 'string' },
		{ ...base, id: 'limit', displayName: 'limit', required: true, type: 'number' },
		{ ...base, id: 'urgent', displayName: 'urgent', required: false, type: 'boolean' },
		{
			...base,
			id: 'status',
			displayName: 'status',
			required: false,
			type: 'options',
			options: [
				{ name: 'open', value: 'open' },
				{ name: 'closed', value: 'closed' },
			],
		},
		{ ...base, id: 'tags', displayName: 'tags', required: false, type: 'array' },
		{ ...base, id: 'meta', displayName: 'meta', required: false, type: 'object' },
		{ ...base, id: 'note', displayName: 'note', required: false, type: 'string' },
	]);
});

test('a run with mapped values sends them typed: numbers as numbers, booleans as booleans, JSON as JSON, ids stay strings', async () => {
	await t.sandbox.mcp.addTool(TYPED_TOOL);
	const schema = await toolFields(TYPED_TOOL.name);
	const result = await runMapped(
		{ contact_id: '={{ $json.id }}', limit: '={{ $json.n }}', urgent: 'true', status: 'open', tags: '["a", "b"]', meta: '{"k": 1}', note: '' },
		schema,
		[{ id: '00123', n: '5' }],
	);
	expect(result.error).toBeUndefined();
	const sent = { contact_id: '00123', limit: 5, urgent: true, status: 'open', tags: ['a', 'b'], meta: { k: 1 } };
	expect(result.items).toEqual([{ tool: TYPED_TOOL.name, arguments: sent }]);
	const calls = toolCallsOf(result.requests);
	expect(calls).toHaveLength(1);
	expect((calls[0].body as { params: IDataObject }).params.arguments).toEqual(sent);
});

test('a missing required field is a clear error naming it; nothing is sent', async () => {
	await t.sandbox.mcp.addTool(TYPED_TOOL);
	const schema = await toolFields(TYPED_TOOL.name);
	const before = t.sandbox.mcp.applied(TYPED_TOOL.name);
	const result = await runMapped({ contact_id: 'c-1', limit: null }, schema);
	expect(result.error?.message).toMatch(/limit/);
	expect(result.error?.message).toMatch(/required/i);
	expect(result.error?.description).toMatch(/Nothing was sent/);
	expect(mcpPosts(result.requests)).toEqual([]);
	expect(t.sandbox.mcp.applied(TYPED_TOOL.name)).toBe(before);
});

// n8n itself refuses a literal that does not fit (a workflow issue); an expression is only known at run time.
test('a value that does not fit its field (a number field given text by an expression) is a clear error naming the field; nothing is sent', async () => {
	await t.sandbox.mcp.addTool(TYPED_TOOL);
	const schema = await toolFields(TYPED_TOOL.name);
	const result = await runMapped({ contact_id: 'c-1', limit: '={{ $json.n }}' }, schema, [{ n: 'five' }]);
	expect(result.error?.message).toMatch(/limit must be a number/);
	expect(result.error?.description).toMatch(/Nothing was sent/);
	expect(mcpPosts(result.requests)).toEqual([]);
});
