import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	decideWaitStep,
	jobErrorText,
	MAX_POLL_INTERVAL_MS,
	pollIntervalMs,
	waitForJob,
	type JobStatusRules,
} from '../../../nodes/Nex/shared/waitForJob';

const rules: JobStatusRules = { done: ['completed'], failed: ['failed'] };

describe('decideWaitStep', () => {
	test('a final status ends the wait, whatever the time', () => {
		expect(decideWaitStep('completed', rules, 0, 1000, 0)).toEqual({ kind: 'finished' });
		expect(decideWaitStep('completed', rules, 5000, 1000, 9)).toEqual({ kind: 'finished' });
		expect(decideWaitStep('failed', rules, 0, 1000, 0)).toEqual({ kind: 'failed' });
	});

	test('statuses are compared without case or surrounding spaces', () => {
		expect(decideWaitStep(' Completed ', rules, 0, 1000, 0)).toEqual({ kind: 'finished' });
		expect(decideWaitStep('FAILED', rules, 0, 1000, 0)).toEqual({ kind: 'failed' });
	});

	test('any other status (even unknown or empty) keeps polling while there is time', () => {
		for (const status of ['pending', 'processing', 'unknown', 'accepted', 'running', '']) {
			expect(decideWaitStep(status, rules, 0, 60_000, 0)).toEqual({ kind: 'poll', afterMs: 1000 });
		}
	});

	test('the last pause is cut so the final read happens at the deadline', () => {
		expect(decideWaitStep('pending', rules, 700, 1000, 0)).toEqual({ kind: 'poll', afterMs: 300 });
	});

	test('still working at or after the deadline: timed out', () => {
		expect(decideWaitStep('processing', rules, 1000, 1000, 1)).toEqual({ kind: 'timedOut' });
		expect(decideWaitStep('processing', rules, 1500, 1000, 1)).toEqual({ kind: 'timedOut' });
	});
});

test('pauses grow by half from 1 s up to 5 s', () => {
	expect([0, 1, 2, 3, 4, 5, 10].map(pollIntervalMs)).toEqual([1000, 1500, 2250, 3375, MAX_POLL_INTERVAL_MS, 5000, 5000]);
});

test('jobErrorText reads error, error_details or message', () => {
	expect(jobErrorText({ status: 'failed', error: 'boom' })).toBe('boom');
	expect(jobErrorText({ status: 'failed', error_details: { stage: 'x' } })).toBe('{"stage":"x"}');
	expect(jobErrorText({ status: 'failed', error: '', message: 'why' })).toBe('why');
	expect(jobErrorText({ status: 'failed' })).toBeUndefined();
});

describe('waitForJob', () => {
	const node = { id: 'n', name: 'Nex', type: 'n8n-nodes-nex.nex', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const context = { getNode: () => node, getExecutionCancelSignal: () => undefined };
	const sequence = (...states: IDataObject[]) => {
		const calls: number[] = [];
		const poll = async () => {
			calls.push(Date.now());
			return states[Math.min(calls.length - 1, states.length - 1)];
		};
		return { poll, calls };
	};

	test('polls until done and returns the final state', async () => {
		const { poll, calls } = sequence({ status: 'pending' }, { status: 'completed', result: 1 });
		const state = await waitForJob(context, { label: 'job 1', rules, poll, timeoutMs: 10_000, readLater: 'Get' });
		expect(state).toEqual({ status: 'completed', result: 1 });
		expect(calls).toHaveLength(2);
		expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(990);
	});

	test('a known initial state is used before any poll', async () => {
		const { poll, calls } = sequence({ status: 'completed' });
		const state = await waitForJob(context, {
			label: 'job 2',
			rules,
			initial: { status: 'completed', from: 'initial' },
			poll,
			timeoutMs: 10_000,
			readLater: 'Get',
		});
		expect(state).toEqual({ status: 'completed', from: 'initial' });
		expect(calls).toHaveLength(0);
	});

	test('failure: an error naming the job, its last status and its own error', async () => {
		const { poll } = sequence({ status: 'failed', error: 'model unavailable' });
		const failure = waitForJob(context, { label: 'artifact 32710180831586561', rules, poll, timeoutMs: 10_000, readLater: 'Get' });
		await expect(failure).rejects.toBeInstanceOf(NodeOperationError);
		await expect(failure).rejects.toThrow('Nex artifact 32710180831586561 failed (last status "failed"): model unavailable');
	});

	test('timeout: polls once more at the deadline, then an error naming the job and its last status', async () => {
		const { poll, calls } = sequence({ status: 'pending' }, { status: 'processing' });
		const started = Date.now();
		const failure = waitForJob(context, { label: 'job 3', rules, poll, timeoutMs: 300, readLater: 'the Get operation' });
		await expect(failure).rejects.toThrow('Nex job 3 did not finish within 0.3 s (last status "processing")');
		// Timers may fire a millisecond or so before the wall clock shows the deadline.
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(calls).toHaveLength(2);
	});

	test('timeout: the read after the pause that ran to the deadline is the last, even when the clock shows a little less', async () => {
		const realNow = Date.now.bind(Date);
		let lag = 0;
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() - lag);
		try {
			const calls: number[] = [];
			const poll = async (): Promise<IDataObject> => {
				calls.push(realNow());
				if (calls.length >= 2) lag = 20; // after the first pause the clock reads 20 ms behind the timers
				return { status: 'processing' };
			};
			const failure = waitForJob(context, { label: 'job 4', rules, poll, timeoutMs: 300, readLater: 'Get' });
			await expect(failure).rejects.toThrow('Nex job 4 did not finish within 0.3 s (last status "processing")');
			expect(calls).toHaveLength(2);
		} finally {
			clock.mockRestore();
		}
	});
});
