/**
 * The Nex Record Trigger in the real n8n application (n8n 2.x line): the built package, an active
 * workflow polling once a minute against the Nex sandbox over HTTP. Activation emits nothing; a
 * person created afterwards starts one execution whose item is that record, id as text, and the
 * next poll starts nothing more.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { findInstallation, N8n, N8nHome, nodeOutput, packageManifest, ROOT, waitFor } from '../../scripts/n8n';
import { EXAMPLE_CREDENTIALS, sandboxCredentials, startSandboxes, type Sandboxes, type WorkflowJson } from '../../scripts/stack';

const WORKFLOW_ID = 'e2eNexRecordTrig';
const RECORDS_PATH = '/api/developers/v1/objects/person/records';

function recordTriggerWorkflow(): WorkflowJson {
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

describe('real n8n v2: Nex Record Trigger', () => {
	const installation = findInstallation('v2');
	let sandboxes: Sandboxes;
	let n8n: N8n;

	beforeAll(async () => {
		if (!installation) throw new Error('n8n v2 is not installed: run `npm run n8n:install`');
		if (!existsSync(join(ROOT, packageManifest().n8n.nodes[0]))) throw new Error('dist/ is missing: run `npm run build` first');
		sandboxes = await startSandboxes({ nex: { keepaliveIntervalMs: 5_000 } });
		const home = N8nHome.open('e2e-record-trigger', { fresh: true });
		home.linkPackage(installation);
		n8n = new N8n(installation, home);
		await n8n.importCredentials(sandboxCredentials(sandboxes));
		await n8n.importWorkflows([{ ...recordTriggerWorkflow(), active: false }]);
		await n8n.start();
		await n8n.setupOwner();
	});

	afterAll(async () => {
		await n8n?.stop();
		await sandboxes?.close();
	});

	test('activation emits nothing; a person created afterwards starts one execution with that record; the next poll starts none', async () => {
		const { nex } = sandboxes;
		const polls = () => nex.requests.find(RECORDS_PATH, 'POST').length;
		await n8n.rest.activate(WORKFLOW_ID);
		// The baseline: n8n polls once on activation; the trigger logs the read mode once that poll read everything.
		await waitFor('the baseline poll', () => /Nex sorts person records/.test(n8n.output), { timeoutMs: 60_000, intervalMs: 500 });
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
			const asked = nex.requests.find(RECORDS_PATH, 'POST').map((request) => `${String(request.status)} ${request.bodyText}`);
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
