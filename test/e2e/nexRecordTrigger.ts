/**
 * The Nex Record Trigger in the real n8n application (n8n 2.x line): the built package, an active
 * workflow polling once a minute against the Nex sandbox over HTTP. Activation emits nothing; a
 * person created afterwards starts one execution whose item is that record, id as text, and the
 * next poll starts nothing more. Registered inside the suite (suite.ts) on its running n8n, which
 * imports `recordTriggerWorkflow()` with the others; the test activates it and deactivates it.
 */
import { nodeOutput, waitFor } from '../../scripts/n8n';
import { EXAMPLE_CREDENTIALS, type WorkflowJson } from '../../scripts/stack';
import type { RunningStack } from './mcpTools';

export const RECORD_TRIGGER_WORKFLOW_ID = 'e2eNexRecordTrig';
const WORKFLOW_ID = RECORD_TRIGGER_WORKFLOW_ID;
const RECORDS_PATH = '/api/developers/v1/objects/person/records';

export function recordTriggerWorkflow(): WorkflowJson {
	return {
		id: WORKFLOW_ID,
		name: 'e2e: Nex Record Trigger on people',
		nodes: [
			{
				id: 'e2e-rec-0',
				name: 'Nex Record Trigger',
				type: 'n8n-nodes-nex.nexRecordTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					resource: 'record',
					objectType: { __rl: true, mode: 'list', value: 'person' },
					recordEvents: ['recordCreated', 'recordUpdated'],
				},
				credentials: { nexApi: EXAMPLE_CREDENTIALS.nexApi },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

export function describeNexRecordTrigger(stack: () => RunningStack): void {
	describe('Nex Record Trigger', () => {
		afterAll(async () => {
			// It polls once a minute: the tests after this one count their own requests and executions.
			await stack().n8n.rest.deactivate(WORKFLOW_ID);
		});

		test('activation emits nothing; a person created afterwards starts one execution with that record; the next poll starts none', async () => {
			const { n8n, sandboxes } = stack();
			const { nex } = sandboxes;
			// Counted from activation: this n8n has run other workflows against the same sandbox before.
			const pollsBefore = nex.requests.find(RECORDS_PATH, 'POST').length;
			const outputBefore = n8n.output.length;
			const polls = () => nex.requests.find(RECORDS_PATH, 'POST').length - pollsBefore;
			await n8n.rest.activate(WORKFLOW_ID);
			// The baseline: n8n polls once on activation; the trigger logs the read mode once that poll read everything.
			await waitFor('the baseline poll', () => /Nex sorts person records/.test(n8n.output.slice(outputBefore)), { timeoutMs: 60_000, intervalMs: 500 });
			expect(polls()).toBe(3);
			expect(await n8n.rest.executions(WORKFLOW_ID)).toHaveLength(0);

			const person = nex.store.insertRecord(nex.store.requireObject('person'), { name: { first_name: 'Polled', last_name: 'Person' } });
			const [execution] = await waitFor(
				'the execution of the created person',
				async () => {
					const list = (await n8n.rest.executions(WORKFLOW_ID)).filter((entry) => entry.status !== 'running' && entry.status !== 'new');
					return list.length > 0 ? list : undefined;
				},
				{ timeoutMs: 150_000, intervalMs: 1000 },
			).catch((error: Error) => {
				// What n8n asked of Nex, and what it logged: the reason a poll did not start the workflow.
				const asked = nex.requests.find(RECORDS_PATH, 'POST').slice(pollsBefore).map((request) => `${String(request.status)} ${request.bodyText}`);
				throw new Error(`${error.message}\nrequests:\n${asked.join('\n')}\nn8n log:\n${n8n.output.slice(-3000)}`);
			});
			const run = await n8n.rest.execution(execution.id);
			expect(nodeOutput(run, 'Nex Record Trigger')).toEqual([
				expect.objectContaining({ event: 'recordCreated', readMode: 'sorted', record: expect.objectContaining({ id: person.id.toString() }) }),
			]);

			const pollsNow = polls();
			await waitFor('another poll', () => polls() > pollsNow, { timeoutMs: 90_000, intervalMs: 1000 });
			await new Promise((done) => setTimeout(done, 3000));
			expect(await n8n.rest.executions(WORKFLOW_ID)).toHaveLength(1);
		});
	});
}
