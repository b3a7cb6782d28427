/**
 * Queue mode on n8n 2.x: one main and two workers on Postgres and Redis (Debian's), the package
 * in a nodes directory they share. Executions run on the workers; the Nex Trigger and the Nexus
 * Trigger run on the main only, once; a restart of the main loses and repeats nothing.
 *
 * n8n's execution record does not say which process ran an execution, so the workers' logs
 * ("Worker started execution <id>") do; what the triggers do is counted at the sandboxes.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { findInstallation, N8N_LINES, nodeOutput, packageManifest, ROOT, waitFor, type ExecutionSummary, type N8n } from '../../scripts/n8n';
import { EXAMPLE_CREDENTIALS, loadExamples, sandboxCredentials, startSandboxes, type Sandboxes, type WorkflowJson } from '../../scripts/stack';
import { webhookOrderBody } from '../harness/webhookOrder';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { executionsRunBy, queueCluster, startQueueServices, type QueueCluster } from './queueCluster';
import { customerWithWhatsapp, newOrder } from './sandboxState';

const WEBHOOK_EXAMPLE = 'nexExampleShip03';
const NEX_TRIGGER_WORKFLOW = 'e2eQueueNexTrig1';
const NEXUS_TRIGGER_WORKFLOW = 'e2eQueueNxsTrig1';
/** Insights per step (one execution each): live, while the main is down, after it is back. */
const INSIGHTS_PER_STEP = 6;
const ORDERS_PER_STEP = 3;

const installation = findInstallation('v2');
const { version } = N8N_LINES.v2;

function triggerWorkflow(id: string, name: string, trigger: WorkflowJson['nodes'][number]): WorkflowJson {
	return { id, name, nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } };
}

/** One execution per insight: an insight reaching two executions, or none, shows. */
const nexTriggerWorkflow = () =>
	triggerWorkflow(NEX_TRIGGER_WORKFLOW, 'e2e queue: Nex Trigger', {
		id: 'e2e-queue-nex',
		name: 'Nex Trigger',
		type: 'n8n-nodes-nex.nexTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { outputMode: 'insight', includeReplay: false, options: {} },
		credentials: { nexApi: EXAMPLE_CREDENTIALS.nexApi },
	});

const nexusTriggerWorkflow = () =>
	triggerWorkflow(NEXUS_TRIGGER_WORKFLOW, 'e2e queue: Nexus Trigger', {
		id: 'e2e-queue-nexus',
		name: 'Nexus Trigger',
		type: 'n8n-nodes-nex.nexusTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, source: 'orders', events: ['orderCreated'], options: {} },
		credentials: { nexusApi: EXAMPLE_CREDENTIALS.nexusApi },
	});

/** A poll of the Nexus Trigger starts with one read of orders in `updated_at` order: the baseline or the scan. */
function isPollStart(entry: LoggedRequest): boolean {
	const { order, select } = entry.query;
	return entry.method === 'GET' && entry.path.endsWith('/rest/v1/orders') && (order === 'updated_at.asc,id.asc' || (order === 'updated_at.desc,id.desc' && select === 'id,updated_at'));
}

const finished = (list: ExecutionSummary[]) => list.filter((execution) => execution.status !== 'running' && execution.status !== 'new');

describe(`real n8n ${version} in queue mode: one main, two workers, Postgres, Redis`, () => {
	let sandboxes: Sandboxes;
	let cluster: QueueCluster;
	let main: N8n;
	/** When each main process started, to count the polls of each. */
	const mainStarts: number[] = [];
	const insightContents: string[] = [];
	const orderIds: string[] = [];

	const executions = async (workflowId: string) => finished(await main.rest.executions(workflowId));
	const waitForExecutions = async (workflowId: string, count: number, timeoutMs: number) =>
		await waitFor(`${count} finished execution(s) of ${workflowId}`, async () => {
			const list = await executions(workflowId);
			return list.length >= count ? list : undefined;
		}, { timeoutMs, intervalMs: 1000 });

	/** Which processes ran each execution (by the processes' logs). */
	const runners = (ids: string[]) => {
		const logs = cluster.processes().map((instance, index) => ({ name: index === 0 ? 'main' : `worker ${index}`, ran: new Set(executionsRunBy(instance)) }));
		return ids.map((id) => ({ id, ranBy: logs.filter((log) => log.ran.has(id)).map((log) => log.name) }));
	};
	const expectRunOnOneWorkerEach = async (ids: string[]) => {
		// A worker logs the start of an execution before it finishes: by now every log has it.
		const found = await waitFor('the workers\' logs to name every execution', () => {
			const ran = runners(ids);
			return ran.every((entry) => entry.ranBy.length > 0) ? ran : undefined;
		}, { timeoutMs: 10_000, intervalMs: 250 }).catch(() => runners(ids));
		for (const entry of found) expect(entry).toEqual({ id: entry.id, ranBy: [expect.stringMatching(/^worker \d$/)] });
	};

	/** Insight contents the Nex Trigger workflow received, one per execution. */
	const deliveredInsights = async () => {
		const items: string[] = [];
		for (const execution of await executions(NEX_TRIGGER_WORKFLOW)) {
			const run = await main.rest.execution(execution.id);
			items.push(...nodeOutput(run, 'Nex Trigger').map((item) => String(item.content)));
		}
		return items;
	};
	/** Order ids the Nexus Trigger workflow received (order-created events). */
	const deliveredOrders = async () => {
		const ids: string[] = [];
		for (const execution of await executions(NEXUS_TRIGGER_WORKFLOW)) {
			const run = await main.rest.execution(execution.id);
			ids.push(...nodeOutput(run, 'Nexus Trigger').map((item) => String((item.order as { id?: string } | undefined)?.id ?? item.id)));
		}
		return ids;
	};
	const countOf = (values: string[]) => {
		const counts = new Map<string, number>();
		for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
		return counts;
	};
	/** Waits until every expected value arrived, then checks each arrived exactly once and nothing else twice. */
	const expectEachOnce = async (what: string, expected: string[], delivered: () => Promise<string[]>, timeoutMs: number) => {
		await waitFor(what, async () => {
			const counts = countOf(await delivered());
			return expected.every((value) => counts.has(value));
		}, { timeoutMs, intervalMs: 2000 }).catch(() => undefined);
		const all = await delivered();
		const counts = countOf(all);
		const wrong = expected.filter((value) => counts.get(value) !== 1).map((value) => ({ value, times: counts.get(value) ?? 0 }));
		const twice = [...counts.entries()].filter(([, times]) => times > 1).map(([value]) => value);
		expect({ what, wrong, twice }).toEqual({ what, wrong: [], twice: [] });
	};

	const emitInsights = (step: string) => {
		const partials = Array.from({ length: INSIGHTS_PER_STEP }, (_, i) => ({
			type: 'activity' as const,
			confidence: 0.5,
			content: `Queue mode (${step}): insight ${i + 1}`,
		}));
		insightContents.push(...partials.map((partial) => partial.content));
		sandboxes.nex.emitInsightBatch(partials);
	};
	const createOrders = async () => {
		const customer = await customerWithWhatsapp(sandboxes.nexus);
		for (let i = 0; i < ORDERS_PER_STEP; i++) orderIds.push((await newOrder(sandboxes.nexus, customer.id)).id);
	};
	const streamConnections = () => sandboxes.nex.requests.find('/v1/insights/stream', 'GET').length;
	const pollStarts = () => sandboxes.nexus.requests.entries.filter(isPollStart).map((entry) => entry.at);

	const startMain = async () => {
		mainStarts.push(Date.now());
		await main.start();
		await main.setupOwner();
	};

	beforeAll(async () => {
		if (!installation) throw new Error(`n8n ${version} is not installed: run \`npm run n8n:install\``);
		if (!existsSync(join(ROOT, packageManifest().n8n.nodes[0]))) throw new Error('dist/ is missing: run `npm run build` first');
		sandboxes = await startSandboxes({ nex: { keepaliveIntervalMs: 5_000 } });
		const services = await startQueueServices();
		cluster = queueCluster(installation, `e2e-queue-${version}`, services);
		main = cluster.main;
		const webhookExample = loadExamples().find(({ workflow }) => workflow.id === WEBHOOK_EXAMPLE);
		if (!webhookExample) throw new Error(`examples/ has no workflow ${WEBHOOK_EXAMPLE}`);
		await main.importCredentials(sandboxCredentials(sandboxes));
		await main.importWorkflows([webhookExample.workflow, nexTriggerWorkflow(), nexusTriggerWorkflow()].map((workflow) => ({ ...workflow, active: false })));
		// The import above migrated the database: the main and the workers can start together.
		await Promise.all([startMain(), ...cluster.workers.map((worker) => worker.start())]);
		for (const id of [WEBHOOK_EXAMPLE, NEX_TRIGGER_WORKFLOW, NEXUS_TRIGGER_WORKFLOW]) await main.rest.activate(id);
	});

	afterAll(async () => {
		await cluster?.stop();
		await sandboxes?.close();
	});

	test('the webhook example (order → Nexus order → shipped → WhatsApp) runs on a worker and succeeds', async () => {
		const customer = await customerWithWhatsapp(sandboxes.nexus);
		const response = await fetch(`${main.url}/webhook/nexus-order`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(webhookOrderBody(customer)),
		});
		const text = await response.text();
		expect({ status: response.status, body: text }).toEqual({ status: 200, body: expect.any(String) });
		const answer = JSON.parse(text) as Record<string, string>;
		expect(answer).toMatchObject({ order_status: 'shipped', awb_number: expect.any(String) });
		const [order] = await sandboxes.nexus.query(`select order_status, awb_number from public.orders where id = $1::uuid`, [answer.order_id]);
		expect(order).toEqual({ order_status: 'shipped', awb_number: answer.awb_number });
		const list = await waitForExecutions(WEBHOOK_EXAMPLE, 1, 30_000);
		expect(list.map((execution) => execution.status)).toEqual(['success']);
		await expectRunOnOneWorkerEach(list.map((execution) => execution.id));
	});

	test('the Nex Trigger holds one stream, on the main; each insight reaches exactly one execution, run by a worker', async () => {
		await waitFor('the Nex Trigger to open the insight stream', () => sandboxes.nex.streamClientCount() >= 1, { timeoutMs: 30_000 });
		emitInsights('live');
		await expectEachOnce('the live insights', insightContents, deliveredInsights, 60_000);
		expect({ open: sandboxes.nex.streamClientCount(), opened: streamConnections() }).toEqual({ open: 1, opened: 1 });
		await expectRunOnOneWorkerEach((await executions(NEX_TRIGGER_WORKFLOW)).map((execution) => execution.id));
	});

	test('the Nexus Trigger polls from the main only; each new order reaches exactly one execution, run by a worker', async () => {
		// Its first poll takes the baseline; orders created after it are events.
		await waitFor('the first poll of the Nexus Trigger', () => pollStarts().length >= 1, { timeoutMs: 90_000 });
		await createOrders();
		await expectEachOnce('the new orders', orderIds, deliveredOrders, 150_000);
		await expectRunOnOneWorkerEach((await executions(NEXUS_TRIGGER_WORKFLOW)).map((execution) => execution.id));
	});

	test('the main restarts mid-stream: the triggers\' state waits in Postgres, nothing is lost or repeated', async () => {
		const { nex } = sandboxes;
		await main.stop();
		expect(nex.streamClientCount()).toBe(0);
		// What the triggers remembered (stream cursor, poll cursor) is in the database, not in the main.
		const stored = cluster.postgres.query(
			`select id, "staticData"::text from workflow_entity where id in ('${NEX_TRIGGER_WORKFLOW}', '${NEXUS_TRIGGER_WORKFLOW}') order by id`,
		);
		const staticData = Object.fromEntries(stored.trim().split('\n').map((line) => line.split('|')));
		for (const id of [NEX_TRIGGER_WORKFLOW, NEXUS_TRIGGER_WORKFLOW]) {
			expect({ id, staticData: staticData[id] }).toEqual({ id, staticData: expect.stringMatching(/^\{"node:.+\}$/) });
		}
		emitInsights('while the main was down');
		await createOrders();
		await startMain();
		await waitFor('the Nex Trigger to reconnect', () => nex.streamClientCount() >= 1, { timeoutMs: 30_000 });
		emitInsights('after the restart');
		await createOrders();
		await expectEachOnce('every insight', insightContents, deliveredInsights, 90_000);
		await expectEachOnce('every new order', orderIds, deliveredOrders, 150_000);
		// One stream per main process, never one per worker.
		expect({ open: nex.streamClientCount(), opened: streamConnections() }).toEqual({ open: 1, opened: 2 });
		await expectRunOnOneWorkerEach([...(await executions(NEX_TRIGGER_WORKFLOW)), ...(await executions(NEXUS_TRIGGER_WORKFLOW))].map((execution) => execution.id));
	});

	test('the Nexus Trigger polled once per interval in each main\'s life, not once per process', () => {
		const polls = pollStarts();
		const lives = mainStarts.map((start, index) => polls.filter((at) => at >= start && (index + 1 >= mainStarts.length || at < mainStarts[index + 1])));
		for (const [index, life] of lives.entries()) {
			// A poll when the workflow is activated, then one per minute: k minutes hold at most k + 1 polls
			// (two or three pollers would make two or three per minute).
			const span = life.length > 1 ? life[life.length - 1] - life[0] : 0;
			const seen = { life: index + 1, polls: life.length, spanMs: span };
			expect({ ...seen, atMostOnePerMinute: life.length <= Math.ceil(span / 60_000) + 1 }).toEqual({ ...seen, atMostOnePerMinute: true });
		}
		expect(lives.flat().length).toBeGreaterThanOrEqual(2);
	});

	test('the Nexus key was exchanged at most once per process (the JWT outlives the run)', () => {
		const processes = mainStarts.length + cluster.workers.length;
		const exchanges = sandboxes.nexus.authExchanges();
		expect(exchanges).toBeGreaterThanOrEqual(1);
		expect({ exchanges, atMostOnePerProcess: exchanges <= processes }).toEqual({ exchanges, atMostOnePerProcess: true });
	});
});
