import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { addBaseNodeTypes, runFromTrigger } from '../harness/baseNodes';
import { TestEngine, type WorkflowJson, type WorkflowResult } from '../harness/engine';
import { LogCapture } from '../harness/logCapture';
import {
	addNexusAgentKey,
	credentialsSeenBy,
	describeFindings,
	FAKE_NEX_KEY,
	FAKE_NEXUS_KEY,
	recordIssuedJwts,
	SecretScan,
} from '../harness/secretScan';
import { runPoll, startTrigger } from '../harness/triggers';
import { webhookOrderBody } from '../harness/webhookOrder';
import { ALL_SCOPES, startNexSandbox, type NexSandbox } from '../sandbox/nex';
import { startNexusSandbox, type NexusSandbox } from '../sandbox/nexus';

/**
 * Every example workflow of examples/ runs against both sandboxes with recognisable fake keys
 * (a Nex API key and a Nexus agent key registered for this test, the Nexus anon key, and every JWT
 * the Nexus sandbox issues), each from each of its triggers with a realistic input; our own
 * triggers run through the trigger harness and hand their output to the rest of the workflow, as
 * n8n does. Every node output, every error and every log line (debug included) is then scanned:
 * none of those secrets may appear anywhere.
 */

const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');
const NEX_TRIGGER = 'n8n-nodes-nex.nexTrigger';
const NEXUS_TRIGGER = 'n8n-nodes-nex.nexusTrigger';
const BASE_TRIGGERS = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.webhook'];

interface Example {
	file: string;
	workflow: WorkflowJson;
}

function loadExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson }));
}

/** Nodes no connection leads to that start an execution (sticky notes and the like excluded). */
function triggersOf(workflow: WorkflowJson): INode[] {
	const targets = new Set<string>();
	for (const outputs of Object.values(workflow.connections)) {
		for (const connections of Object.values(outputs)) {
			for (const group of connections ?? []) for (const connection of group ?? []) targets.add(connection.node);
		}
	}
	return workflow.nodes.filter(
		(node) => !targets.has(node.name) && !node.disabled && (BASE_TRIGGERS.includes(node.type) || node.type === NEX_TRIGGER || node.type === NEXUS_TRIGGER),
	);
}

const examples = loadExamples();
const scan = new SecretScan();
const capture = new LogCapture();
let stopRecordingJwts: () => void = () => {};
let nex: NexSandbox;
let nexus: NexusSandbox;
let engine: TestEngine;
let customer: { id: string; first_name: string; email: string; phone_number: string };

beforeAll(async () => {
	stopRecordingJwts = recordIssuedJwts((token) => scan.addJwt('a Nexus agent JWT', token));
	[nex, nexus] = await Promise.all([
		startNexSandbox({ port: 0, keepaliveIntervalMs: 200, artifactProcessingMs: 200, jobDurationMs: 200 }),
		startNexusSandbox({ port: 0, requestsPerMinute: 0, authAttemptsPerMinute: 0 }),
	]);
	nex.addKey(FAKE_NEX_KEY, [...ALL_SCOPES]);
	await addNexusAgentKey(nexus, FAKE_NEXUS_KEY);
	scan.addSecret('the Nex API key', FAKE_NEX_KEY);
	scan.addSecret('the Nexus agent API key', FAKE_NEXUS_KEY);
	scan.addSecret('the random part of the Nexus agent API key', FAKE_NEXUS_KEY.slice('nxs_ak_'.length));
	scan.addJwt('the Nexus anon key', nexus.anonKey);

	engine = new TestEngine();
	for (const { workflow } of examples) {
		addBaseNodeTypes(engine, workflow);
		for (const node of workflow.nodes) {
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				const id = reference.id ?? reference.name;
				if (type === 'nexApi') {
					engine.addCredential({ id, name: reference.name, type, data: { apiKey: FAKE_NEX_KEY, baseUrl: nex.baseUrl } });
				} else if (type === 'nexusApi') {
					engine.addCredential({
						id,
						name: reference.name,
						type,
						data: { apiKey: FAKE_NEXUS_KEY, anonApiKey: nexus.anonKey, baseUrl: nexus.baseUrl },
					});
				} else {
					throw new Error(`An example uses a credential type this test does not know: ${type}`);
				}
			}
		}
	}
	[customer] = await nexus.query(
		`select c.id::text, c.first_name, c.email, c.phone_number
		from public.customers c join public.chats ch on ch.contact_phone = c.phone_number and ch.platform = 'whatsapp'
		where c.organization_id = $1::uuid and c.email is not null order by c.created_at, c.id limit 1`,
		[nexus.orgs.a.id],
	);
	capture.start();
}, 60_000);

afterAll(async () => {
	capture.stop();
	stopRecordingJwts();
	await Promise.all([nex?.close(), nexus?.close()]);
});

/** What a base trigger hands to the workflow in production. */
function baseTriggerItems(node: INode): INodeExecutionData[] {
	const now = new Date();
	switch (node.type) {
		case 'n8n-nodes-base.manualTrigger':
			return [{ json: {} }];
		case 'n8n-nodes-base.scheduleTrigger':
			return [
				{
					json: {
						timestamp: now.toISOString(),
						'Readable date': now.toUTCString(),
						'Readable time': now.toISOString().slice(11, 19),
						'Day of week': now.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }),
						Year: String(now.getUTCFullYear()),
						Month: now.toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' }),
						'Day of month': String(now.getUTCDate()).padStart(2, '0'),
						Hour: String(now.getUTCHours()).padStart(2, '0'),
						Minute: String(now.getUTCMinutes()).padStart(2, '0'),
						Second: String(now.getUTCSeconds()).padStart(2, '0'),
						Timezone: 'UTC (UTC+00:00)',
					},
				},
			];
		case 'n8n-nodes-base.webhook': {
			const path = String(node.parameters.path ?? 'webhook');
			return [
				{
					json: {
						headers: { host: 'n8n.example.com', 'content-type': 'application/json', 'user-agent': 'shop/1.0' },
						params: {},
						query: {},
						body: webhookOrderBody(customer),
						webhookUrl: `https://n8n.example.com/webhook/${path}`,
						executionMode: 'production',
					},
				},
			];
		}
		default:
			throw new Error(`No realistic input for the trigger type ${node.type}: add one to this test`);
	}
}

/** The Nex Trigger, active: a matching insight (and two that its filters leave out) arrive on the stream. */
async function nexTriggerItems(node: INode): Promise<INodeExecutionData[][]> {
	const trigger = await startTrigger(engine, { ...node, parameters: { ...node.parameters, options: { watchdogTimeout: 5, reconnectDelay: 0.05 } } });
	try {
		const deadline = Date.now() + 10_000;
		while (nex.streamClientCount() === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
		nex.emitInsightBatch([
			{ type: 'risk', confidence: 0.95, content: 'Secret scan: the champion left the company' },
			{ type: 'risk', confidence: 0.3, content: 'Secret scan: maybe unhappy' },
			{ type: 'opportunity', confidence: 0.95, content: 'Secret scan: wants more seats' },
		]);
		await trigger.waitForExecutions(1, 10_000);
		for (const error of trigger.errors) scan.collectError('Nex Trigger error', error);
		return trigger.executions;
	} finally {
		await trigger.close();
	}
}

/**
 * The Nexus Trigger, active: a baseline poll, then an order of a WhatsApp customer ships with an
 * AWB (and, when the trigger watches shipments, the courier reports the delivery failed).
 */
async function nexusTriggerItems(node: INode): Promise<INodeExecutionData[][]> {
	const [order] = await nexus.query(
		`insert into public.orders (organization_id, customer_id, order_status, total_amount, currency)
		values ($1::uuid, $2::uuid, 'fulfilling', 700, 'EGP') returning id::text`,
		[nexus.orgs.a.id, customer.id],
	);
	const staticData: IDataObject = {};
	const baseline = await runPoll(engine, node, staticData);
	expect(baseline.items).toBeNull();
	const [awb] = await nexus.query(
		`insert into public.awbs (organization_id, order_id, awb_number, courier_name) values ($1::uuid, $2::uuid, 'AWB-SECRETSCAN-' || left(gen_random_uuid()::text, 8), 'bosta') returning id::text`,
		[nexus.orgs.a.id, order.id],
	);
	await nexus.touchOrders({ ids: [order.id], status: 'shipped' });
	if (node.parameters.source === 'shipments') {
		await nexus.moveShipment({ awbId: awb.id, status: 'failed', notes: 'Customer not reachable' });
	}
	const poll = await runPoll(engine, node, staticData);
	expect(poll.items?.length).toBeGreaterThan(0);
	return [poll.items ?? []];
}

let contactsAdded = false;

async function prepare(example: Example): Promise<void> {
	// Example 2 reads the Nexus contacts created in the last hour: two new ones, one already known to Nex.
	if (!contactsAdded && example.workflow.nodes.some((node) => node.type === 'n8n-nodes-nex.nexus' && node.parameters.resource === 'contact' && node.parameters.operation === 'getAll')) {
		await nexus.query(
			`insert into public.customers (organization_id, first_name, last_name, email, phone_number) values
			($1::uuid, 'Alice', 'Johnson', 'alice@techflow.io', '+201001110001'), ($1::uuid, 'Layla', 'Nabil', $2, '+201001110002')`,
			[nexus.orgs.a.id, `layla.${Date.now()}@example.com`],
		);
		contactsAdded = true;
	}
}

/** The nodes that produced items in a run. */
function nodesWithOutput(workflow: WorkflowJson, result: WorkflowResult): string[] {
	return workflow.nodes.filter((node) => (result.items[node.name] ?? []).length > 0).map((node) => node.name);
}

const BRANCHING = new Set(['n8n-nodes-base.if', 'n8n-nodes-base.switch']);

/**
 * The nodes a run must reach from `start`: every node after it, except behind the other outputs of
 * an If or Switch when they sent nothing. The sandboxes hold data for every example to act on, so
 * the first output (an If's true branch) is always expected.
 */
function nodesToReach(workflow: WorkflowJson, result: WorkflowResult, start: string): string[] {
	const runData = result.run.data.resultData.runData;
	const reached = new Set<string>([start]);
	const queue = [start];
	for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
		const node = workflow.nodes.find((candidate) => candidate.name === name);
		const produced = runData[name]?.[0]?.data?.main ?? [];
		const branching = node !== undefined && BRANCHING.has(node.type);
		(workflow.connections[name]?.main ?? []).forEach((targets, output) => {
			if (branching && output > 0 && (produced[output] ?? []).length === 0) return;
			for (const target of targets ?? []) {
				if (reached.has(target.node)) continue;
				reached.add(target.node);
				queue.push(target.node);
			}
		});
	}
	return [...reached];
}

test('the examples exist and each has a trigger this test can start', () => {
	expect(examples.length).toBeGreaterThanOrEqual(5);
	for (const { file, workflow } of examples) expect({ file, triggers: triggersOf(workflow).length > 0 }).toEqual({ file, triggers: true });
});

describe.each(examples.map((example) => [example.file, example] as const))('%s', (_file, example) => {
	test.each(triggersOf(example.workflow).map((node) => [node.name, node] as const))(
		'from "%s": runs to the end against the sandboxes with the fake keys',
		async (_name, trigger) => {
			await prepare(example);
			let executions: INodeExecutionData[][];
			let mode: 'manual' | 'trigger' | 'webhook' = 'trigger';
			if (trigger.type === NEX_TRIGGER) executions = await nexTriggerItems(trigger);
			else if (trigger.type === NEXUS_TRIGGER) executions = await nexusTriggerItems(trigger);
			else {
				executions = [baseTriggerItems(trigger)];
				if (trigger.type === 'n8n-nodes-base.manualTrigger') mode = 'manual';
				if (trigger.type === 'n8n-nodes-base.webhook') mode = 'webhook';
			}
			expect(executions.length).toBeGreaterThan(0);
			for (const items of executions) {
				scan.collectItems(`${example.file}: ${trigger.name} output`, items);
				const result = await runFromTrigger(engine, example.workflow, trigger.name, items, mode);
				scan.collectRun(`${example.file} from ${trigger.name}`, result);
				expect(result.error?.message).toBeUndefined();
				// Every node after the trigger ran (on the branch an If took): the run reached the workflow's end.
				const ran = nodesWithOutput(example.workflow, result);
				expect(ran.sort()).toEqual(nodesToReach(example.workflow, result, trigger.name).sort());
			}
		},
		60_000,
	);
});

test('no API key, anon key or JWT appears in any output, error or log line of the example runs', () => {
	scan.collectLogs('log', capture.lines);
	// The JWTs the requests carried were all recorded as issued (nothing slipped past the recorder).
	for (const value of credentialsSeenBy(nexus.requests.entries)) expect(scan.mask(value)).toMatch(/^«.*»$/);
	expect(scan.secretCount).toBeGreaterThan(5);
	const { outputs, logLines, debugLines } = scan.stats;
	expect(outputs).toBeGreaterThan(20);
	expect(logLines).toBeGreaterThan(0);
	expect(debugLines).toBeGreaterThan(0);
	const findings = scan.findings();
	expect(describeFindings(findings)).toBe('');
});
