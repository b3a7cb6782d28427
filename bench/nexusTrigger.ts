import type { IDataObject, INode } from 'n8n-workflow';

import { runPoll } from '../test/harness/triggers';
import type { LoggedRequest } from '../test/sandbox/shared/requestLog';
import { median, timed, type BenchRow, type Condition } from './measure';
import { ensureNexusOrders, NEXUS_CREDENTIAL, NEXUS_ORDERS, nexusEngine, type NexusChild } from './nexusSetup';

const IDLE_POLLS = 5;
const ORDERS_PATH = '/rest/v1/orders';

interface CountedPoll {
	emitted: number;
	requests: LoggedRequest[];
	ms: number;
}

/**
 * Nexus Trigger requests per poll, counted in the sandbox's request log around `runPoll` calls:
 * an idle poll (nothing changed), and the poll after all 10,000 orders of the organization
 * changed in one burst. Default events and options (Order Status Changed, line items included);
 * the 10,000 pending orders are the Return All section's (seeded here when it did not run). Each
 * round-trip time gets its own burst (a new status for every order).
 */
export async function benchNexusTrigger(nexus: NexusChild, conditions: Condition[]): Promise<BenchRow[]> {
	await ensureNexusOrders(nexus);
	const rows: BenchRow[] = [];
	const statuses = ['confirmed', 'processing', 'shipped', 'delivered'];
	for (const [index, { rttMs }] of conditions.entries()) rows.push(...(await triggerAt(nexus, rttMs, statuses[index % statuses.length])));
	return rows;
}

async function triggerAt(nexus: NexusChild, rttMs: number, status: string): Promise<BenchRow[]> {
	const { child } = nexus;
	const engine = nexusEngine(nexus, await child.urlAt(rttMs));
	const node: INode = {
		id: 'nexus-trigger',
		name: 'Nexus Trigger',
		type: 'n8n-nodes-nex.nexusTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { nexusApi: NEXUS_CREDENTIAL },
	};
	const staticData: IDataObject = {};
	const poll = async (): Promise<CountedPoll> => {
		await child.control('DELETE', '/requests');
		const { ms, value } = await timed(async () => await runPoll(engine, node, staticData));
		const requests = ((await child.control('GET', '/requests')) as { requests: LoggedRequest[] }).requests.filter(
			(entry) => !entry.path.endsWith('/agent-auth'),
		);
		return { emitted: value.items?.length ?? 0, requests, ms };
	};

	const baseline = await poll();
	if (baseline.emitted !== 0) throw new Error(`The first poll (the baseline) emitted ${baseline.emitted} items`);
	const idle: CountedPoll[] = [];
	for (let i = 0; i < IDLE_POLLS; i++) idle.push(await poll());

	const changed = (await child.control('POST', '/touch/orders', { org: 'a', count: NEXUS_ORDERS, status })) as { ids: string[] };
	const burst = await poll();
	const afterBurst = await poll();

	const idleCounts = idle.map((run) => run.requests.length);
	const orderScan = burst.requests.filter((entry) => entry.path === ORDERS_PATH).length;
	const others = new Map<string, number>();
	for (const entry of burst.requests) if (entry.path !== ORDERS_PATH) others.set(entry.path, (others.get(entry.path) ?? 0) + 1);
	const otherText = [...others].map(([path, count]) => `${count} ${path.replace('/rest/v1/', '')}`).join(', ') || 'none';
	const maxIdle = Math.max(...idleCounts, afterBurst.requests.length);
	const all = burst.requests.length;
	return [
		{
			section: 'nexusTrigger',
			rttMs,
			figure: `Nexus Trigger requests per idle poll (${IDLE_POLLS} polls and 1 after the burst; median ${median(idle.map((run) => run.ms)).toFixed(0)} ms)`,
			value: `${maxIdle} max`,
			baseline: `${idleCounts.join(', ')}, ${afterBurst.requests.length}`,
			ratio: '-',
			target: '1',
			met: maxIdle === 1 && idle.every((run) => run.emitted === 0) && afterBurst.emitted === 0,
		},
		{
			section: 'nexusTrigger',
			rttMs,
			figure: `Nexus Trigger ${changed.ids.length}-order burst with line items: requests (${burst.emitted} items in ${(burst.ms / 1000).toFixed(1)} s)`,
			value: String(all),
			baseline: `order scan ${orderScan} + ${otherText}`,
			ratio: '-',
			target: '<= 102',
			met: all <= 102 && changed.ids.length === NEXUS_ORDERS && burst.emitted === NEXUS_ORDERS,
		},
	];
}
