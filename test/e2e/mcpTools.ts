/**
 * The Nex and Nexus nodes as AI tools, without a model: n8n's MCP Server Trigger exposes the tool
 * variants n8n builds from `usableAsTool` (n8n-nodes-nex.nexTool, n8n-nodes-nex.nexusTool), their
 * arguments filled by `$fromAI()`. The official MCP client lists and calls them, playing the model.
 * Registered inside the suite of each n8n line (suite.ts), on its running n8n: that n8n imports
 * `mcpWorkflow()` with the others; these tests activate it, and deactivate it when done.
 */
import { randomUUID } from 'node:crypto';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { N8N_LINES, waitFor, type N8n, type N8nLine } from '../../scripts/n8n';
import { EXAMPLE_CREDENTIALS, type Sandboxes, type WorkflowJson, type WorkflowNode } from '../../scripts/stack';
import { customerWithWhatsapp, nexNotes } from './sandboxState';

export const MCP_WORKFLOW_ID = 'e2eMcpNexTools01';
const MCP_PATH = 'nex-tools';

const fromAI = (key: string, description: string) => `={{ $fromAI('${key}', '${description}', 'string') }}`;

/** Tool nodes as the editor saves them (description set automatically from the operation). */
function toolNode(name: string, type: 'nexTool' | 'nexusTool', x: number, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: `e2e-mcp-${x}`,
		name,
		type: `n8n-nodes-nex.${type}`,
		typeVersion: 1,
		position: [x, 240],
		parameters: { descriptionType: 'auto', ...parameters },
		credentials: type === 'nexTool' ? { nexApi: EXAMPLE_CREDENTIALS.nexApi } : { nexusApi: EXAMPLE_CREDENTIALS.nexusApi },
	};
}

const byId = (key: string, description: string) => ({ __rl: true, mode: 'id', value: fromAI(key, description) });

/** The tools, by the names MCP clients see (n8n turns the node name into the tool name). */
export const TOOLS = {
	search: 'Search_Nex_records',
	getNote: 'Get_Nex_note',
	createNote: 'Create_Nex_note',
	getOrder: 'Get_Nexus_order',
	findContact: 'Find_Nexus_contact',
} as const;

export function mcpWorkflow(): WorkflowJson {
	const tools = [
		toolNode('Search Nex records', 'nexTool', 0, { resource: 'search', operation: 'search', query: fromAI('query', 'Text to look for') }),
		toolNode('Get Nex note', 'nexTool', 200, { resource: 'note', operation: 'get', noteId: byId('noteId', 'ID of the note') }),
		toolNode('Create Nex note', 'nexTool', 400, {
			resource: 'note',
			operation: 'create',
			title: fromAI('title', 'Title of the note'),
			additionalFields: { content: fromAI('content', 'Body of the note') },
		}),
		toolNode('Get Nexus order', 'nexusTool', 600, { resource: 'order', operation: 'get', orderId: byId('orderId', 'ID of the order (a UUID)') }),
		toolNode('Find Nexus contact', 'nexusTool', 800, { resource: 'contact', operation: 'find', findBy: 'email', email: fromAI('email', 'Email address') }),
	];
	return {
		id: MCP_WORKFLOW_ID,
		name: 'e2e: Nex and Nexus tools over MCP',
		nodes: [
			{
				id: 'e2e-mcp-trigger',
				name: 'MCP Server Trigger',
				type: '@n8n/n8n-nodes-langchain.mcpTrigger',
				typeVersion: 2,
				position: [400, 0],
				parameters: { path: MCP_PATH, authentication: 'none' },
				webhookId: randomUUID(),
			},
			...tools,
		],
		connections: Object.fromEntries(tools.map((tool) => [tool.name, { ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]] }])),
		settings: { executionOrder: 'v1' },
	};
}

interface ToolResult {
	isError?: boolean;
	content: Array<{ type: string; text?: string }>;
}

const textOf = (result: ToolResult) => result.content.map((part) => part.text ?? '').join('\n');

/** The suite's running n8n and its sandboxes, read when the tests run (they are set in its beforeAll). */
export interface RunningStack {
	n8n: N8n;
	sandboxes: Sandboxes;
}

export function describeMcpTools(line: N8nLine, stack: () => RunningStack): void {
	const { version } = N8N_LINES[line];

	describe(`the Nex and Nexus tools behind the MCP Server Trigger (n8n ${version})`, () => {
		let sandboxes: Sandboxes;
		let client: Client;

		const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;

		beforeAll(async () => {
			const running = stack();
			sandboxes = running.sandboxes;
			const { n8n } = running;
			await n8n.rest.activate(MCP_WORKFLOW_ID);
			client = await waitFor('the MCP server to accept a session', async () => {
				const candidate = new Client({ name: 'n8n-nodes-nex e2e', version: '1.0.0' });
				await candidate.connect(new StreamableHTTPClientTransport(new URL(`${n8n.url}/mcp/${MCP_PATH}`)));
				return candidate;
			}, { timeoutMs: 30_000, intervalMs: 1000 });
		});

		afterAll(async () => {
			await client?.close().catch(() => undefined);
			// The tests after these count requests and executions of their own; this workflow leaves the stage.
			await stack().n8n.rest.deactivate(MCP_WORKFLOW_ID).catch(() => undefined);
		});

		test('lists one tool per node, each with its $fromAI() arguments and a description naming the app', async () => {
			const { tools } = await client.listTools();
			const byName = new Map(tools.map((tool) => [tool.name, tool]));
			expect([...byName.keys()].sort()).toEqual(Object.values(TOOLS).sort());
			const expectArguments = (name: string, args: string[]) => {
				const schema = byName.get(name)?.inputSchema as { properties?: Record<string, unknown> } | undefined;
				expect({ name, args: Object.keys(schema?.properties ?? {}).sort() }).toEqual({ name, args: [...args].sort() });
			};
			expectArguments(TOOLS.search, ['query']);
			expectArguments(TOOLS.getNote, ['noteId']);
			expectArguments(TOOLS.createNote, ['title', 'content']);
			expectArguments(TOOLS.getOrder, ['orderId']);
			expectArguments(TOOLS.findContact, ['email']);
			for (const tool of tools) {
				const app = tool.name.includes('Nexus') ? 'Nexus' : 'Nex';
				expect({ tool: tool.name, description: tool.description }).toEqual({ tool: tool.name, description: expect.stringMatching(new RegExp(`\\b${app}\\b`)) });
			}
		});

		test('read tools answer what the sandboxes hold, from the arguments the client chose', async () => {
			const { nex, nexus } = sandboxes;
			const searches = nex.requests.find('/v1/search', 'POST').length;
			const found = await call(TOOLS.search, { query: 'Sarah' });
			expect(found.isError).toBeFalsy();
			expect(nex.requests.find('/v1/search', 'POST').slice(searches).map((entry) => entry.body)).toEqual([expect.objectContaining({ query: 'Sarah' })]);
			expect(textOf(found)).toContain('Sarah Chen');

			const customer = await customerWithWhatsapp(nexus);
			const contact = await call(TOOLS.findContact, { email: customer.email });
			expect(contact.isError).toBeFalsy();
			expect(textOf(contact)).toContain(customer.id);
			const [order] = await nexus.query(`select id::text, order_number from public.orders where organization_id = $1::uuid order by created_at limit 1`, [nexus.orgs.a.id]);
			const answer = await call(TOOLS.getOrder, { orderId: order.id });
			expect(answer.isError).toBeFalsy();
			expect(textOf(answer)).toContain(order.order_number);
			expect(nexus.requests.find('/rest/v1/orders', 'GET').at(-1)?.query).toMatchObject({ id: `eq.${order.id}` });
		});

		test('a write tool creates what the client asked for, and a read tool finds it by the id it answered', async () => {
			const title = `Call notes (${version})`;
			const created = await call(TOOLS.createNote, { title, content: 'Customer asked for a quote on 40 seats.' });
			expect(created.isError).toBeFalsy();
			const notes = nexNotes(sandboxes.nex, title);
			expect(notes.map((note) => ({ title: note.title, content: note.content }))).toEqual([{ title, content: 'Customer asked for a quote on 40 seats.' }]);
			const id = String(notes[0].id);
			expect(textOf(created)).toContain(id);
			const read = await call(TOOLS.getNote, { noteId: id });
			expect(read.isError).toBeFalsy();
			expect(textOf(read)).toContain(title);
		});

		test('a bad id comes back as a clear tool error (refused before sending where the id cannot be one), and the server keeps answering', async () => {
			const { nexus } = sandboxes;
			// Nex types note ids as text, so the node sends it; Nex's refusal comes back whole.
			const notNumeric = await call(TOOLS.getNote, { noteId: 'not-a-note' });
			expect(notNumeric.isError).toBe(true);
			expect(textOf(notNumeric)).toMatch(/400.*invalid note ID/s);

			// A Nexus order id must be a UUID: refused before anything is sent, naming the field.
			const ordersBefore = nexus.requests.find('/rest/v1/orders').length;
			const notUuid = await call(TOOLS.getOrder, { orderId: '12345' });
			expect(notUuid.isError).toBe(true);
			expect(textOf(notUuid)).toMatch(/Order ID/);
			expect(nexus.requests.find('/rest/v1/orders').length).toBe(ordersBefore);

			const missing = await call(TOOLS.getNote, { noteId: '999999999999' });
			expect(missing.isError).toBe(true);
			expect(textOf(missing)).toMatch(/not found|404/i);

			// Still serving: the next call works.
			expect((await call(TOOLS.search, { query: 'Marcus' })).isError).toBeFalsy();
		});
	});
}
