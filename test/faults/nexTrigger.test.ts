import type { INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';

import { FAKE_NEX_KEY } from '../harness/secretScan';
import { startTrigger, type RunningTrigger } from '../harness/triggers';
import { ALL_SCOPES } from '../sandbox/nex';
import type { FaultSpec } from '../sandbox/shared/faults';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { contents, INSIGHTS_PATH, pause, startTriggerTest, STREAM_PATH, until, type TriggerTest } from '../nexTrigger/helpers';
import { MatrixSecrets, TIMER_SLACK_MS } from './matrix';

/**
 * Fault matrix, Nex Trigger (the live insight stream): the connection drops while insights keep
 * coming, and the reconnect (its stream request, or the gap fill `GET /v1/insights` that follows
 * it) meets each fault. Every insight must reach the workflow exactly once, in order, with no
 * error (these faults heal by reconnecting); Retry-After is waited for. "Listen for event" with
 * recent insights fails clearly instead. Every run uses a fake key; the file ends with the
 * secrets scan.
 */

let t: TriggerTest;
const secrets = new MatrixSecrets();
// Keepalives every 150 ms; the 2 s watchdog only fires on a real stall, also on a loaded machine.
const FAST = { options: { watchdogTimeout: 2, reconnectDelay: 0.05 } };
const CREDENTIAL = { id: 'nex-fake-key', name: 'Nex (fake key)' };

async function start(parameters: INodeParameters, mode: WorkflowExecuteMode = 'trigger'): Promise<RunningTrigger> {
	return await startTrigger(t.engine, { ...t.node(parameters), credentials: { nexApi: CREDENTIAL } }, {}, mode);
}

beforeAll(async () => {
	t = await startTriggerTest({ keepaliveIntervalMs: 150 });
	// A credential of its own: the helper's credentials are named after their key.
	t.engine.addCredential({ ...CREDENTIAL, type: 'nexApi', data: { apiKey: FAKE_NEX_KEY, baseUrl: t.sandbox.baseUrl } });
	secrets.scan.addSecret('the Nex API key', FAKE_NEX_KEY);
	secrets.start();
});
afterAll(async () => {
	secrets.stop();
	await t.close();
});
beforeEach(() => {
	t.sandbox.reset();
	t.sandbox.addKey(FAKE_NEX_KEY, [...ALL_SCOPES]);
});

interface ReconnectFault {
	name: string;
	/** Faults for the requests of the reconnect (none: the drop alone). */
	faults: Array<Omit<FaultSpec, 'pathIncludes'>>;
	/** The stream request (the reconnect) or the gap fill after it. */
	on: 'stream' | 'gap fill';
	drop: 'end' | 'destroy';
	/** The reconnect after the faulted request waits at least this long (Retry-After). */
	waitMs?: number;
}

const STREAM_FAULTS: ReconnectFault[] = [
	{ name: 'SSE connection dropped (socket reset)', faults: [], on: 'stream', drop: 'destroy' },
	{ name: 'SSE stream ended by the server', faults: [], on: 'stream', drop: 'end' },
	{ name: '429 with Retry-After: 1 on reconnect', faults: [{ kind: 'status', status: 429, retryAfter: 1 }], on: 'stream', drop: 'end', waitMs: 1000 },
	{ name: '429 without Retry-After on reconnect', faults: [{ kind: 'status', status: 429 }], on: 'stream', drop: 'end' },
	{ name: '500 on reconnect', faults: [{ kind: 'status', status: 500 }], on: 'stream', drop: 'end' },
	{ name: '502 on reconnect', faults: [{ kind: 'status', status: 502 }], on: 'stream', drop: 'end' },
	{ name: '503 twice on reconnect', faults: [{ kind: 'status', status: 503, count: 2 }], on: 'stream', drop: 'end' },
	{ name: 'connection reset mid-body on reconnect', faults: [{ kind: 'reset' }], on: 'stream', drop: 'end' },
	{ name: 'truncated answer on reconnect', faults: [{ kind: 'truncate' }], on: 'stream', drop: 'end' },
	{ name: 'reconnect stalls longer than the 2 s watchdog', faults: [{ kind: 'stall', stallMs: 5000 }], on: 'stream', drop: 'end' },
	{ name: '429 with Retry-After: 1 on the gap fill', faults: [{ kind: 'status', status: 429, retryAfter: 1 }], on: 'gap fill', drop: 'end', waitMs: 1000 },
	{ name: '503 on the gap fill', faults: [{ kind: 'status', status: 503 }], on: 'gap fill', drop: 'end' },
	{ name: 'connection reset mid-body on the gap fill', faults: [{ kind: 'reset' }], on: 'gap fill', drop: 'end' },
	{ name: 'truncated JSON on the gap fill', faults: [{ kind: 'truncate' }], on: 'gap fill', drop: 'end' },
];

const streamRequests = () => t.sandbox.requests.find(STREAM_PATH);
const gapFills = () => t.sandbox.requests.entries.filter((request) => request.path === INSIGHTS_PATH && request.method === 'GET');
const faulted = (requests: LoggedRequest[]) => requests.filter((request) => request.fault !== undefined);

function collect(cell: string, trigger: RunningTrigger): void {
	for (const items of trigger.executions) secrets.scan.collectItems(`${cell} → execution`, items);
	for (const error of trigger.errors) secrets.scan.collectError(`${cell} → error`, error);
}

test.each(STREAM_FAULTS.map((fault) => [fault.name, fault] as const))(
	'Nex Trigger × %s → gap filled, every insight exactly once, no error',
	async (name, fault) => {
		const { sandbox } = t;
		const trigger = await start(FAST);
		try {
			await until(() => sandbox.streamClientCount() === 1, 'the first connection');
			sandbox.emitInsightBatch([{ content: 'before the drop' }]);
			await trigger.waitForExecutions(1);

			// The reconnect's stream request comes first, then its gap fill (the path of both contains /v1/insights).
			for (const spec of fault.faults) {
				sandbox.faults.add(
					fault.on === 'stream'
						? { ...spec, method: 'GET', pathIncludes: STREAM_PATH }
						: { ...spec, method: 'GET', pathIncludes: '/v1/insights', skip: 1 },
				);
			}
			const streamsBefore = streamRequests().length;
			sandbox.dropStreams(fault.drop);
			// Emitted while nobody is connected: only the gap fill can bring these.
			sandbox.emitInsightBatch([{ content: 'while away 1' }]);
			sandbox.emitInsightBatch([{ content: 'while away 2' }, { content: 'while away 3' }]);
			await until(() => contents(trigger.executions).includes('while away 3'), 'the gap fill', 15_000);
			await until(() => sandbox.streamClientCount() === 1, 'the stream to be open again');
			sandbox.emitInsightBatch([{ content: 'after the reconnect' }]);
			await until(() => contents(trigger.executions).includes('after the reconnect'), 'the live insight');
			// Nothing trickles in later (no late duplicates from another gap fill or a replay).
			await pause(300);

			expect(trigger.errors).toEqual([]);
			expect(contents(trigger.executions)).toEqual(['before the drop', 'while away 1', 'while away 2', 'while away 3', 'after the reconnect']);
			const reconnects = streamRequests().slice(streamsBefore);
			const hit = faulted(fault.on === 'stream' ? reconnects : gapFills());
			expect(hit).toHaveLength(fault.faults.reduce((sum, spec) => sum + (spec.count ?? 1), 0));
			for (const request of hit) expect(request.fault).toBe(fault.faults[0].kind);
			// After the faults, one reconnect succeeded and stayed open.
			expect(reconnects.filter((request) => request.fault === undefined && request.status === 200).length).toBeGreaterThanOrEqual(1);
			if (fault.waitMs) {
				const last = hit[hit.length - 1];
				const next = streamRequests().find((request) => request.at > last.at);
				expect(next).toBeDefined();
				expect(next!.at - last.at).toBeGreaterThanOrEqual(fault.waitMs - TIMER_SLACK_MS);
			}
			// Every stream request and gap fill carried the credential's key, and only there.
			for (const request of [...reconnects, ...gapFills()]) expect(request.headers.authorization).toBe(`Bearer ${FAKE_NEX_KEY}`);
		} finally {
			await trigger.close();
			collect(`Nex Trigger × ${name}`, trigger);
		}
	},
);

test('Nex Trigger × 503 at activation → insights created before the first connection emitted once, older ones not', async () => {
	const { sandbox } = t;
	// Created before the activation: never emitted (replay is off).
	sandbox.emitInsightBatch([{ content: 'before the activation', created_at: new Date(Date.now() - 5_000).toISOString() }]);
	sandbox.faults.add({ kind: 'status', status: 503, count: 3, method: 'GET', pathIncludes: STREAM_PATH });
	const trigger = await start(FAST);
	try {
		await until(() => faulted(streamRequests()).length >= 1, 'the first failed connection');
		// Created while Nex answers 503: nobody is connected, only the first connection's gap fill can bring it.
		sandbox.emitInsightBatch([{ content: 'during the outage' }]);
		await until(() => sandbox.streamClientCount() === 1, 'the first successful connection', 15_000);
		await until(() => contents(trigger.executions).includes('during the outage'), 'the gap fill');
		sandbox.emitInsightBatch([{ content: 'after the outage' }]);
		await until(() => contents(trigger.executions).includes('after the outage'), 'the live insight');
		await pause(300);

		expect(trigger.errors).toEqual([]);
		expect(contents(trigger.executions)).toEqual(['during the outage', 'after the outage']);
		expect(faulted(streamRequests())).toHaveLength(3);
		expect(trigger.executions[0][0].json.event).toBe('gap_fill');
	} finally {
		await trigger.close();
		collect('Nex Trigger × 503 at activation', trigger);
	}
});

describe('Nex Trigger, "Listen for event" with recent insights', () => {
	test.each([
		['connection reset mid-body', { kind: 'reset' } as const, /^Could not reach Nex/],
		['503', { kind: 'status', status: 503 } as const, /^Nex had a server error/],
	])('Nex Trigger (Listen for event, recent insights) × %s → a clear error, nothing emitted', async (name, spec, message) => {
		const { sandbox } = t;
		sandbox.faults.add({ ...spec, method: 'GET', pathIncludes: INSIGHTS_PATH });
		const trigger = await start({ options: { ...FAST.options, testWithRecent: true } }, 'manual');
		let thrown: (Error & { description?: string }) | undefined;
		try {
			await trigger.response?.manualTriggerFunction?.();
		} catch (error) {
			thrown = error as Error & { description?: string };
		} finally {
			await trigger.close();
			collect(`Nex Trigger (Listen for event) × ${name}`, trigger);
			secrets.scan.collectError(`Nex Trigger (Listen for event) × ${name} → thrown`, thrown);
		}
		expect(thrown).toBeDefined();
		expect(thrown?.message).toMatch(message);
		expect(thrown?.description).toEqual(expect.any(String));
		expect(trigger.executions).toEqual([]);
		expect(gapFills().filter((request) => request.fault !== undefined)).toHaveLength(1);
	});
});

test('secrets: the fake key appears in no output, error or log line of the cells above', () => {
	secrets.expectNoSecrets({ outputs: 14 * 5 + 2, errors: 2 });
});
