/**
 * The end-to-end suite, run once per n8n line (n8n2.e2e.ts, n8n1.e2e.ts): the built package in
 * the real n8n application, against the two sandboxes over HTTP on 127.0.0.1. One n8n per line
 * (start-up takes a minute or two on a small machine): the MCP tool tests (mcpTools.ts) and, on
 * 2.x, the Nex Record Trigger test (nexRecordTrigger.ts) run on it too, each with its own workflow.
 *
 * Order matters (jest runs a file's tests in order): first with the server stopped (import,
 * `n8n execute`), then with the server running (registration, credential tests, webhook,
 * triggers across a restart, the editor in Chromium).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
	findInstallation,
	N8n,
	N8nHome,
	N8N_LINES,
	nodeOutput,
	packageManifest,
	packageTypeNames,
	ROOT,
	waitFor,
	type ExecuteResult,
	type N8nLine,
	type OwnerLogin,
} from '../../scripts/n8n';
import {
	addRecentContact,
	EXAMPLE_CREDENTIALS,
	loadExamples,
	sandboxCredentials,
	startSandboxes,
	type ExampleWorkflow,
	type Sandboxes,
	type WorkflowJson,
} from '../../scripts/stack';
import { webhookOrderBody } from '../harness/webhookOrder';
import { runDemoAndClosePipe } from './demoProcess';
import { dropdownChoices, openCreatorEntry, openEditor, openNode, searchNodes, signIn, type EditorSession } from './editor';
import { describeMcpTools, mcpWorkflow } from './mcpTools';
import { describeNexRecordTrigger, recordTriggerWorkflow } from './nexRecordTrigger';
import {
	customerWithWhatsapp,
	newOrder,
	nexNotes,
	nexPeopleWithEmail,
	nexTasks,
	outboundMessages,
	shipOrderDirectly,
} from './sandboxState';

const EXAMPLE = {
	meetingNotes: 'nexExampleMeet01',
	contactSync: 'nexExampleSync02',
	webhookOrder: 'nexExampleShip03',
	riskInsight: 'nexExampleRisk04',
	shippedOrder: 'nexExampleAwb005',
	shipmentFailed: 'nexExampleShip06',
	shipmentFailedTeamChat: 'nexExampleChat07',
} as const;

/** Workflows only the tests import (ids ≤ 16 characters, as n8n's CLI requires). */
const JWT_WORKFLOW_ID = 'e2eNexusJwtRenew';
const DROPDOWN_WORKFLOW_ID = 'e2eNexObjectType';
const BUSY_GAP_WORKFLOW_ID = 'e2eNexBusyGap001';
const NOT_FOUND_WORKFLOW_ID = 'e2eNexusNoContct';
const UNKNOWN_CONTACT_ID = '00000000-0000-4000-8000-00000000dead';

/** Contact → Get of an id no contact has: the error's headline is what the user sees first. */
function unknownContactWorkflow(): WorkflowJson {
	return {
		id: NOT_FOUND_WORKFLOW_ID,
		name: 'e2e: Nexus contact that does not exist',
		nodes: [
			{ id: 'e2e-nf-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'e2e-nf-1',
				name: 'Get contact',
				type: 'n8n-nodes-nex.nexus',
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: UNKNOWN_CONTACT_ID } },
				credentials: { nexusApi: EXAMPLE_CREDENTIALS.nexusApi },
			},
		],
		connections: { Start: { main: [[{ node: 'Get contact', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}
/** Insights created while n8n is down in the restart test: more than three pages of GET /v1/insights. */
const BUSY_GAP_BATCHES = 120;
const BUSY_GAP_BATCH_SIZE = 3;

/** Only the Nex Trigger, one execution per batch: its executions' items are what reached the workflow. */
function busyGapWorkflow(): WorkflowJson {
	return {
		id: BUSY_GAP_WORKFLOW_ID,
		name: 'e2e: Nex Trigger across a restart on a busy workspace',
		nodes: [
			{
				id: 'e2e-gap-0',
				name: 'Nex Trigger',
				type: 'n8n-nodes-nex.nexTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { outputMode: 'batch', includeReplay: false, options: {} },
				credentials: { nexApi: EXAMPLE_CREDENTIALS.nexApi },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

function jwtRenewalWorkflow(): WorkflowJson {
	const nexus = { nexusApi: EXAMPLE_CREDENTIALS.nexusApi };
	const warehouses = (name: string, x: number) => ({
		id: `e2e-jwt-${x}`,
		name,
		type: 'n8n-nodes-nex.nexus',
		typeVersion: 1,
		position: [x, 0] as [number, number],
		parameters: { resource: 'warehouse', operation: 'getAll', returnAll: false, limit: 1 },
		credentials: nexus,
		executeOnce: true,
	});
	return {
		id: JWT_WORKFLOW_ID,
		name: 'e2e: Nexus token expires between two requests',
		nodes: [
			{ id: 'e2e-jwt-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			warehouses('Before expiry', 220),
			{
				id: 'e2e-jwt-wait',
				name: 'Let the token expire',
				type: 'n8n-nodes-base.wait',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: { resume: 'timeInterval', amount: 4, unit: 'seconds' },
				webhookId: '0e3c5a1b-7d2f-4e8a-9b6c-1f2e3d4c5b6a',
			},
			warehouses('After expiry', 660),
		],
		connections: {
			Start: { main: [[{ node: 'Before expiry', type: 'main', index: 0 }]] },
			'Before expiry': { main: [[{ node: 'Let the token expire', type: 'main', index: 0 }]] },
			'Let the token expire': { main: [[{ node: 'After expiry', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function objectTypeDropdownWorkflow(): WorkflowJson {
	return {
		id: DROPDOWN_WORKFLOW_ID,
		name: 'e2e: Nex object-type dropdown',
		nodes: [
			{ id: 'e2e-dd-0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'e2e-dd-1',
				name: 'Nex',
				type: 'n8n-nodes-nex.nex',
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'record', operation: 'getAll' },
				credentials: { nexApi: EXAMPLE_CREDENTIALS.nexApi },
			},
		],
		connections: { Start: { main: [[{ node: 'Nex', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function describeFailure(result: ExecuteResult): string {
	const error = result.run?.data?.resultData?.error;
	const detail = error ? `${error.message ?? ''} ${error.description ?? ''}` : '';
	return `exit ${String(result.code)} ${detail}\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`;
}

async function expectRun(n8n: N8n, workflowId: string): Promise<ExecuteResult> {
	const result = await n8n.execute(workflowId);
	if (!result.ok) throw new Error(`n8n execute --id=${workflowId} failed: ${describeFailure(result)}`);
	return result;
}

export function describeRealN8n(line: N8nLine): void {
	const { version } = N8N_LINES[line];
	const installation = findInstallation(line);

	describe(`real n8n ${version}`, () => {
		let sandboxes: Sandboxes;
		let n8n: N8n;
		let owner: OwnerLogin;
		let examples: ExampleWorkflow[];

		beforeAll(async () => {
			if (!installation) throw new Error(`n8n ${version} is not installed: run \`npm run n8n:install\``);
			if (!existsSync(join(ROOT, packageManifest().n8n.nodes[0]))) {
				throw new Error('dist/ is missing: run `npm run build` first');
			}
			sandboxes = await startSandboxes({
				// Quick text processing and a short keepalive keep the runs short.
				nex: { artifactProcessingMs: 600, jobDurationMs: 300, keepaliveIntervalMs: 5_000 },
			});
			const home = N8nHome.open(`e2e-${version}`, { fresh: true });
			home.linkPackage(installation);
			n8n = new N8n(installation, home);
			examples = loadExamples();
			await n8n.importCredentials(sandboxCredentials(sandboxes));
			await n8n.importWorkflows([
				...examples.map(({ workflow }) => ({ ...workflow, active: false })),
				jwtRenewalWorkflow(),
				objectTypeDropdownWorkflow(),
				{ ...busyGapWorkflow(), active: false },
				unknownContactWorkflow(),
				// The tool and record-trigger tests share this n8n (one start-up per line); each activates its own.
				{ ...mcpWorkflow(), active: false },
				...(line === 'v2' ? [{ ...recordTriggerWorkflow(), active: false }] : []),
			]);
		});

		afterAll(async () => {
			await n8n?.stop();
			await sandboxes?.close();
		});

		describe('with the server stopped: n8n execute', () => {
			test('the demo with its output piped: when the pipe goes away it stops n8n and says so, leaving no process', async () => {
				const result = await runDemoAndClosePipe(line, `e2e-demo-${version}`);
				expect({ exitCode: result.exitCode, stderr: result.stderr.slice(-1500) }).toEqual({ exitCode: 0, stderr: expect.stringMatching(/output pipe closed/) });
				expect(result.stderr).toMatch(/Stopped: n8n \(pid \d+ and its process group, port \d+\), the Nex sandbox .* and the Nexus sandbox/);
				expect(result.leftOver).toEqual([]);
				// Its editor port is free again.
				expect(result.editorUrl).toEqual(expect.any(String));
				await expect(fetch(`${String(result.editorUrl)}/healthz`)).rejects.toThrow();
			});

			test('Contact → Get of an unknown id: the headline says which contact is missing, the vendor\'s code is in the details', async () => {
				const result = await n8n.execute(NOT_FOUND_WORKFLOW_ID);
				const error = result.run?.data?.resultData?.error;
				expect(error?.message).toBe(`No contact with id ${UNKNOWN_CONTACT_ID}`);
				// On both lines: n8n 1.x keeps the body of a status it throws only as bytes (context.data).
				expect(error?.description).toMatch(/^Nexus API error 406 \(PGRST116\): Cannot coerce the result to a single JSON object/);
			});

			test('every example exists in examples/ with the credentials the demo imports', () => {
				const ids = examples.map(({ workflow }) => workflow.id).sort();
				expect(ids).toEqual(Object.values(EXAMPLE).sort());
				for (const { file, workflow } of examples) {
					for (const node of workflow.nodes) {
						for (const [type, reference] of Object.entries(node.credentials ?? {})) {
							expect({ file, node: node.name, type, reference }).toEqual({
								file,
								node: node.name,
								type,
								reference: EXAMPLE_CREDENTIALS[type as keyof typeof EXAMPLE_CREDENTIALS],
							});
						}
					}
				}
			});

			test('meeting notes → Nex Add Text (waiting) → one follow-up task per person mentioned', async () => {
				const { nex } = sandboxes;
				const tasksBefore = nex.store.tasks.size;
				const result = await expectRun(n8n, EXAMPLE.meetingNotes);

				const added = nodeOutput(result.run, 'Nex: Add meeting notes');
				expect(added).toHaveLength(1);
				expect(added[0]).toMatchObject({ status: 'completed' });
				expect(typeof added[0].artifact_id).toBe('string');
				expect(nex.requests.find('/v1/context/text', 'POST')).toHaveLength(1);

				// The people Nex extracted (by name, or by email for marcus@techflow.io), each already a record.
				const extracted = (added[0].result as { entities_extracted: Array<Record<string, unknown>> }).entities_extracted;
				const people = extracted.filter((entity) => entity.type === 'PERSON');
				expect(people.map((person) => (person.properties as { name: string }).name).sort()).toEqual(['Liam O’Connor', 'Marcus', 'Sarah Chen']);
				const created = [...nex.store.tasks.values()].slice(tasksBefore);
				expect(created).toHaveLength(people.length);
				for (const person of people) {
					const name = (person.properties as { name: string }).name;
					const tasks = created.filter((task) => task.title === `Follow up with ${name}`);
					expect({ name, tasks: tasks.length }).toEqual({ name, tasks: 1 });
					// Linked to the person's record, which Nex had already.
					expect(tasks[0].entityIds).toEqual([String(person.canonical_entity_id)]);
					expect(nex.store.records.has(String(person.canonical_entity_id))).toBe(true);
					expect(person.is_new).toBe(false);
					expect(tasks[0].description).toContain('Weekly pipeline review');
					expect(Date.parse(String(tasks[0].dueDate))).toBeGreaterThan(Date.now());
				}
				expect(nodeOutput(result.run, 'Nex: Create follow-up task')).toHaveLength(3);
				// The last node of the example did its job.
				expect(nodeOutput(result.run, examples.find(({ workflow }) => workflow.id === EXAMPLE.meetingNotes)!.workflow.nodes.at(-1)!.name)).not.toHaveLength(0);
			});

			test('new Nexus contacts → Nex people upserted on email (existing one updated), each with a note', async () => {
				const { nex, nexus } = sandboxes;
				const existingEmail = 'alice@techflow.io';
				const newEmail = `layla.nabil.${version.replace(/\W/g, '')}@example.com`;
				const inserted = await nexus.query(
					`insert into public.customers (organization_id, first_name, last_name, email, phone_number) values
					($1::uuid, 'Alice', 'Johnson', $2, '+201001110001'), ($1::uuid, 'Layla', 'Nabil', $3, '+201001110002')
					returning id::text, email`,
					[nexus.orgs.a.id, existingEmail, newEmail],
				);
				const existingBefore = nexPeopleWithEmail(nex, existingEmail);
				expect(existingBefore).toHaveLength(1);
				expect(nexPeopleWithEmail(nex, newEmail)).toHaveLength(0);

				const result = await expectRun(n8n, EXAMPLE.contactSync);

				// Only the contacts created in the last hour (the seeded ones are days old).
				const contacts = nodeOutput(result.run, 'Nexus: Contacts created in the last hour');
				expect(contacts.map((contact) => contact.email).sort()).toEqual([existingEmail, newEmail].sort());
				const existingAfter = nexPeopleWithEmail(nex, existingEmail);
				expect(existingAfter.map((record) => record.id)).toEqual(existingBefore.map((record) => record.id));
				const created = nexPeopleWithEmail(nex, newEmail);
				expect(created).toHaveLength(1);
				expect(nex.store.recordName(created[0])).toBe('Layla Nabil');
				for (const { id, email } of inserted as Array<{ id: string; email: string }>) {
					const notes = nexNotes(nex, `Nexus contact ${id}`);
					expect(notes).toHaveLength(1);
					expect(notes[0].entityId).toBe(nexPeopleWithEmail(nex, email)[0].id.toString());
				}
				// The last node did its job: one note per contact; the "nothing found" branch stayed quiet.
				expect(nodeOutput(result.run, 'Nex: Note linking back to Nexus')).toHaveLength(2);
				expect(nodeOutput(result.run, 'Nothing to sync')).toHaveLength(0);
			});

			test('new Nexus contacts → Nex people, with the demo\'s own data: contacts the demo adds are synced', async () => {
				const { nex, nexus } = sandboxes;
				const contact = await addRecentContact(nexus, 'Nour', 'Hassan');
				const result = await expectRun(n8n, EXAMPLE.contactSync);
				expect(nodeOutput(result.run, 'Nex: Note linking back to Nexus').length).toBeGreaterThan(0);
				expect(nexPeopleWithEmail(nex, contact.email)).toHaveLength(1);
			});

			test('an expired Nexus token, stored or expiring during a run, is exchanged again by n8n and the run succeeds', async () => {
				const { nexus } = sandboxes;
				// The token n8n stored with the credential (from the earlier runs) has expired, and the
				// next one expires while the workflow waits between its two requests.
				nexus.expireTokens();
				nexus.setJwtLifetime(2);
				try {
					const exchangesBefore = nexus.authExchanges();
					const logStart = nexus.requests.entries.length;
					const result = await expectRun(n8n, JWT_WORKFLOW_ID);
					expect(nodeOutput(result.run, 'Before expiry')).toHaveLength(1);
					expect(nodeOutput(result.run, 'After expiry')).toHaveLength(1);
					const log = nexus.requests.entries
						.slice(logStart)
						.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)
						.filter((entry) => /warehouses|agent-auth/.test(entry));
					expect(log).toEqual([
						'GET /rest/v1/warehouses 401',
						'POST /functions/v1/agent-auth 200',
						'GET /rest/v1/warehouses 200',
						'GET /rest/v1/warehouses 401',
						'POST /functions/v1/agent-auth 200',
						'GET /rest/v1/warehouses 200',
					]);
					expect(nexus.authExchanges() - exchangesBefore).toBe(2);
				} finally {
					nexus.setJwtLifetime(3600);
					// Later tests start from a credential without a stored token, whatever happened here.
					await n8n.importCredentials(sandboxCredentials(sandboxes));
				}
			});
		});

		describe('with the server running', () => {
			beforeAll(async () => {
				await n8n.start();
				owner = await n8n.setupOwner();
			});

			test('every node and credential of package.json is registered, with its icon', async () => {
				const expected = packageTypeNames();
				const nodeTypes = await n8n.rest.nodeTypes();
				const registered = new Map(nodeTypes.map((type) => [type.name, type]));
				for (const name of expected.nodes) {
					const type = registered.get(name);
					expect({ name, registered: type !== undefined }).toEqual({ name, registered: true });
					const iconUrl = (type as { iconUrl?: string | { light: string } }).iconUrl;
					const iconPath = typeof iconUrl === 'string' ? iconUrl : iconUrl?.light;
					expect(iconPath).toMatch(/^icons\/n8n-nodes-nex\//);
					const icon = await n8n.rest.raw('GET', `/${iconPath}`);
					expect({ name, status: icon.status }).toEqual({ name, status: 200 });
					expect(await icon.text()).toContain('<svg');
				}
				const credentialTypes = (await n8n.rest.credentialTypes()).map((type) => type.name);
				expect(credentialTypes).toEqual(expect.arrayContaining(expected.credentials));
			});

			test('every example workflow was imported whole, with only node types n8n knows', async () => {
				const known = new Set((await n8n.rest.nodeTypes()).map((type) => type.name));
				for (const { workflow } of examples) {
					const stored = await n8n.rest.request<{ id: string; name: string; nodes: Array<{ name: string; type: string }> }>(
						'GET',
						`/rest/workflows/${workflow.id}`,
					);
					expect(stored.name).toBe(workflow.name);
					expect(stored.nodes.map((node) => node.name).sort()).toEqual(workflow.nodes.map((node) => node.name).sort());
					for (const node of stored.nodes) expect({ node: node.name, known: known.has(node.type) }).toEqual({ node: node.name, known: true });
				}
			});

			test('the credential test passes for both credential types, and fails for a wrong key', async () => {
				for (const credential of sandboxCredentials(sandboxes)) {
					expect(await n8n.rest.testCredential(credential)).toEqual({ status: 'OK', message: expect.any(String) });
				}
				const [nexCredential, nexusCredential] = sandboxCredentials(sandboxes);
				const wrongNex = await n8n.rest.testCredential({ ...nexCredential, data: { ...nexCredential.data, apiKey: 'sk-wrong-key' } });
				expect(wrongNex.status).toBe('Error');
				const wrongNexus = await n8n.rest.testCredential({
					...nexusCredential,
					data: { ...nexusCredential.data, apiKey: `nxs_ak_${'x'.repeat(48)}` },
				});
				expect(wrongNexus.status).toBe('Error');
			});

			// Before the examples are activated: these count requests that the examples' triggers also make.
			describeMcpTools(line, () => ({ n8n, sandboxes }));
			if (line === 'v2') describeNexRecordTrigger(() => ({ n8n, sandboxes }));

			describe('active workflows', () => {
				let customer: Awaited<ReturnType<typeof customerWithWhatsapp>>;
				const riskContents: string[] = [];
				const busyContents: string[] = [];
				const shippedAwbs: string[] = [];

				const executionsOf = async (workflowId: string) => await n8n.rest.executions(workflowId);
				const waitForExecutions = async (workflowId: string, count: number, what: string, timeoutMs = 30_000) =>
					await waitFor(
						`${count} execution(s) of ${what}`,
						async () => {
							const list = await executionsOf(workflowId);
							const finished = list.filter((execution) => execution.status !== 'running' && execution.status !== 'new');
							return finished.length >= count ? finished : undefined;
						},
						{ timeoutMs, intervalMs: 1000 },
					);
				const ordersPolls = () => sandboxes.nexus.requests.find('/rest/v1/orders', 'GET').length;

				beforeAll(async () => {
					customer = await customerWithWhatsapp(sandboxes.nexus);
					for (const id of [EXAMPLE.webhookOrder, EXAMPLE.riskInsight, EXAMPLE.shippedOrder, BUSY_GAP_WORKFLOW_ID]) await n8n.rest.activate(id);
				});

				test('the webhook example creates the order with its items, ships it and sends the WhatsApp template', async () => {
					const { nexus } = sandboxes;
					const response = await fetch(`${n8n.url}/webhook/nexus-order`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(webhookOrderBody(customer)),
					});
					const answerText = await response.text();
					expect({ status: response.status, body: answerText }).toEqual({ status: 200, body: expect.any(String) });
					const answer = JSON.parse(answerText) as Record<string, string>;
					expect(answer).toMatchObject({ order_status: 'shipped', awb_number: expect.any(String), order_number: expect.any(String) });

					const [order] = await nexus.query(
						`select customer_id::text, order_status, awb_number, total_amount::text from public.orders where id = $1::uuid`,
						[answer.order_id],
					);
					expect(order).toEqual({ customer_id: customer.id, order_status: 'shipped', awb_number: answer.awb_number, total_amount: '850.00' });
					const items = await nexus.query(`select sku, qty from public.order_items where order_id = $1::uuid order by sku`, [answer.order_id]);
					expect(items).toEqual([
						{ sku: 'CAP-BLK', qty: 1 },
						{ sku: 'TSH-M-BLK', qty: 2 },
					]);
					const messages = await outboundMessages(nexus, customer.chat_id);
					expect(messages.filter((message) => message.message_type === 'template').map((message) => message.content)).toContain(
						`[template:order_shipped/en] ${customer.first_name} | ${answer.order_number} | ${answer.awb_number}`,
					);
					shippedAwbs.push(answer.awb_number);
				});

				test('a high-confidence risk insight starts the risk example once; other insights do not', async () => {
					const { nex } = sandboxes;
					await waitFor('the Nex Trigger to open the insight stream', () => nex.streamClientCount() >= 1, { timeoutMs: 30_000 });
					const [risk] = nex.emitInsightBatch([
						{ type: 'risk', confidence: 0.95, content: `Churn risk A (${version}): the champion left the company` },
						{ type: 'risk', confidence: 0.4, content: `Low-confidence risk (${version}): maybe unhappy` },
						{ type: 'opportunity', confidence: 0.95, content: `Opportunity (${version}): wants 40 more seats` },
					]).insights;
					riskContents.push(risk.content);
					await waitForExecutions(EXAMPLE.riskInsight, 1, 'the risk example');
					await waitFor('the risk task', () => nexTasks(nex, risk.content).length === 1);
					const [task] = nexTasks(nex, risk.content);
					expect(task.priority).toBe('urgent');
					expect(task.assigneeIds).toEqual(['32414268188027649']);
					expect(nexTasks(nex, 'Low-confidence risk')).toHaveLength(0);
					expect(nexTasks(nex, 'Opportunity (')).toHaveLength(0);
				});

				test('the shipped order reaches the shipped-order example once: WhatsApp with the AWB, note on the Nex record', async () => {
					const { nex, nexus } = sandboxes;
					// The Nexus Trigger polls once a minute (n8n's shortest polling interval).
					const executions = await waitForExecutions(EXAMPLE.shippedOrder, 1, 'the shipped-order example', 90_000);
					expect(executions.every((execution) => execution.status === 'success')).toBe(true);
					const texts = (await outboundMessages(nexus, customer.chat_id)).filter((message) => message.message_type === 'text');
					expect(texts.filter((message) => message.content.includes(shippedAwbs[0]))).toHaveLength(1);
					const people = nexPeopleWithEmail(nex, customer.email);
					expect(people).toHaveLength(1);
					const notes = nexNotes(nex, shippedAwbs[0]);
					expect(notes).toHaveLength(1);
					expect(notes[0].entityId).toBe(people[0].id.toString());
				});

				test('n8n restarts while Nex finds another risk and another order ships', async () => {
					const { nex, nexus } = sandboxes;
					await n8n.stop();
					expect(nex.streamClientCount()).toBe(0);
					const [missed] = nex.emitInsightBatch([
						{ type: 'risk', confidence: 0.93, content: `Churn risk B (${version}): security review failed` },
					]).insights;
					riskContents.push(missed.content);
					const order = await newOrder(nexus, customer.id);
					shippedAwbs.push(await shipOrderDirectly(nexus, order.id));
					// A busy workspace meanwhile: several pages of insights, three per creation instant (page
					// boundaries inside an instant), µs times, answers in one order per n8n line (both are possible).
					nex.configure({ insightsOrder: line === 'v2' ? 'oldest-first' : 'newest-first' });
					for (let batch = 0; batch < BUSY_GAP_BATCHES; batch++) {
						const partials = Array.from({ length: BUSY_GAP_BATCH_SIZE }, (_, i) => ({
							type: 'activity' as const,
							confidence: 0.3,
							content: `Busy workspace (${version}): insight ${batch * BUSY_GAP_BATCH_SIZE + i}`,
						}));
						busyContents.push(...partials.map((partial) => partial.content));
						nex.emitInsightBatch(partials);
					}
					await n8n.start();
					await n8n.setupOwner();
					expect((await n8n.rest.workflow(EXAMPLE.riskInsight)).active).toBe(true);
				});

				test('after the restart the Nex Trigger delivers the missed insight and new ones, each exactly once', async () => {
					const { nex } = sandboxes;
					await waitFor('the Nex Trigger to reconnect', () => nex.streamClientCount() >= 1, { timeoutMs: 30_000 });
					const [live] = nex.emitInsightBatch([
						{ type: 'risk', confidence: 0.97, content: `Churn risk C (${version}): budget frozen` },
					]).insights;
					riskContents.push(live.content);
					await waitForExecutions(EXAMPLE.riskInsight, 3, 'the risk example');
					// A keepalive period later, still nothing twice.
					await new Promise((done) => setTimeout(done, 6000));
					expect(await executionsOf(EXAMPLE.riskInsight)).toHaveLength(3);
					for (const content of riskContents) expect({ content, tasks: nexTasks(nex, content).length }).toEqual({ content, tasks: 1 });
				});

				test(`after the restart the Nex Trigger delivers the ${BUSY_GAP_BATCHES * BUSY_GAP_BATCH_SIZE} insights of a busy workspace, each exactly once`, async () => {
					// Items of every finished execution of the trigger-only workflow, by content (stream items carry no id).
					const delivered = async () => {
						const finished = (await executionsOf(BUSY_GAP_WORKFLOW_ID)).filter((execution) => execution.status === 'success');
						const items: string[] = [];
						for (const execution of finished) {
							const run = await n8n.rest.execution(execution.id);
							items.push(...nodeOutput(run, 'Nex Trigger').map((item) => String(item.content)));
						}
						return items.filter((content) => content.startsWith('Busy workspace'));
					};
					await waitFor(
						'the busy gap to reach the workflow',
						async () => ((await delivered()).length >= busyContents.length ? true : undefined),
						{ timeoutMs: 60_000, intervalMs: 2000 },
					).catch(() => undefined);
					const counts = new Map<string, number>();
					for (const content of await delivered()) counts.set(content, (counts.get(content) ?? 0) + 1);
					const wrong = busyContents.filter((content) => counts.get(content) !== 1).map((content) => ({ content, times: counts.get(content) ?? 0 }));
					expect({ delivered: [...counts.values()].reduce((a, b) => a + b, 0), wrong }).toEqual({ delivered: busyContents.length, wrong: [] });
				});

				test('after the restart the Nexus Trigger delivers the order shipped while n8n was down, exactly once', async () => {
					const { nex, nexus } = sandboxes;
					await waitForExecutions(EXAMPLE.shippedOrder, 2, 'the shipped-order example', 90_000);
					// One more poll after the delivery shows nothing is delivered twice.
					const pollsNow = ordersPolls();
					await waitFor('another poll of the Nexus Trigger', () => ordersPolls() > pollsNow, { timeoutMs: 90_000, intervalMs: 1000 });
					await new Promise((done) => setTimeout(done, 3000));
					expect(await executionsOf(EXAMPLE.shippedOrder)).toHaveLength(2);
					const texts = (await outboundMessages(nexus, customer.chat_id)).filter((message) => message.message_type === 'text');
					for (const awb of shippedAwbs) {
						expect({ awb, messages: texts.filter((message) => message.content.includes(awb)).length }).toEqual({ awb, messages: 1 });
						expect({ awb, notes: nexNotes(nex, awb).length }).toEqual({ awb, notes: 1 });
					}
				});
			});

			describe('the editor in headless Chromium', () => {
				let editor: EditorSession;
				const prefix = `n8n-${version}`;

				beforeAll(async () => {
					editor = await openEditor(n8n.url, prefix);
					await signIn(editor.page, owner);
				});

				afterAll(async () => {
					await editor?.close();
				});

				test('the node search finds Nex, Nexus and both triggers, with their icons', async () => {
					// An empty workflow offers triggers only: Nex (Nex Trigger) and Nexus (Nexus Trigger).
					const triggers = await searchNodes(editor.page, 'Nex');
					const triggerShot = await editor.screenshot('search-triggers', triggers.panel);
					// After a first step, the search offers the action nodes Nex and Nexus.
					const actions = await searchNodes(editor.page, 'Nex', { workflowId: DROPDOWN_WORKFLOW_ID });
					const actionShot = await editor.screenshot('search-nodes', actions.panel);
					for (const [shot, items, names] of [
						[triggerShot, triggers.items, ['Nex', 'Nexus']],
						[actionShot, actions.items, ['Nex', 'Nexus']],
					] as const) {
						for (const name of names) {
							const item = items.find((candidate) => candidate.name === name);
							expect({ name, found: item !== undefined, shot: shot.path }).toEqual({ name, found: true, shot: shot.path });
							expect(item).toMatchObject({ iconLoaded: true, iconSource: expect.stringContaining('/icons/n8n-nodes-nex/') });
							expect(shot.text).toMatch(new RegExp(`^${name}$`, 'm'));
						}
					}
					const triggerTexts: Record<string, string> = {};
					// The app entries describe the app, not one trigger; the triggers are named by what starts them.
					for (const name of ['Nex', 'Nexus']) {
						const { panel } = await searchNodes(editor.page, name);
						await openCreatorEntry(editor.page, panel, name);
						triggerTexts[name] = (await editor.screenshot(`entry-${name.toLowerCase()}`, panel)).text;
					}
					expect(triggerTexts.Nex).toContain('On new insights');
					expect(triggerTexts.Nex).not.toContain('On new Nex event');
					expect(triggerTexts.Nexus).toContain('On order change');
					for (const text of [triggerTexts.Nex, triggerTexts.Nexus, actionShot.text, triggerShot.text]) {
						expect(text).not.toContain('Starts the workflow when Nex discovers new insights (live');
						expect(text).not.toContain('Starts the workflow when Nexus orders');
					}
					expect(readFileSync(triggerShot.path).subarray(1, 4).toString()).toBe('PNG');
				});

				test('canvas subtitles show display names (Context: Add Text), not internal values', async () => {
					await editor.page.goto(`/workflow/${EXAMPLE.meetingNotes}`);
					const node = editor.page.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Nex: Add meeting notes' }).first();
					await node.waitFor({ timeout: 60_000 });
					const shot = await editor.screenshot('canvas-subtitles');
					expect(shot.text).toContain('Context: Add Text');
					expect(shot.text).not.toContain('addText: context');
					await editor.page.goto(`/workflow/${EXAMPLE.shippedOrder}`);
					await editor.page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
					const triggerShot = await editor.screenshot('canvas-subtitles-trigger');
					expect(triggerShot.text).toContain('Order Shipped');
					expect(triggerShot.text).not.toMatch(/\borderShipped\b/);
				});

				test('in the Nex node, the object-type dropdown lists the sandbox workspace\'s object types', async () => {
					await openNode(editor.page, DROPDOWN_WORKFLOW_ID, 'Nex');
					const { choices, list } = await dropdownChoices(editor.page, 'objectType');
					const shot = await editor.screenshot('object-type-dropdown', list);
					const objectTypes = [...sandboxes.nex.store.objects.values()].map((object) => `${object.name} (${object.slug})`);
					expect(choices.sort()).toEqual(objectTypes.sort());
					for (const choice of objectTypes) expect(shot.text).toContain(choice);
					expect(readFileSync(shot.path).subarray(1, 4).toString()).toBe('PNG');
				});
			});
		});
	});
}
