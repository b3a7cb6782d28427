import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { quoteValue } from '../../shared/quote';

/**
 * Waiting for Nex's asynchronous work: text processing (artifacts), AI lists, compounding jobs
 * and integration connections. One loop for all of them: read the job's status, stop when it
 * reached a final status or the time is up, otherwise sleep and read again. The decision is a
 * pure function so it can be tested without a clock.
 */

/** Which statuses end the wait, in success or failure. Any other status means "still working". */
export interface JobStatusRules {
	done: readonly string[];
	failed: readonly string[];
}

export type WaitStep =
	| { kind: 'finished' }
	| { kind: 'failed' }
	| { kind: 'timedOut' }
	| { kind: 'poll'; afterMs: number };

export const FIRST_POLL_INTERVAL_MS = 1000;
export const MAX_POLL_INTERVAL_MS = 5000;

/** Pause before the next status read: 1 s, growing by half after each pause, at most 5 s. */
export function pollIntervalMs(pausesMade: number): number {
	return Math.min(MAX_POLL_INTERVAL_MS, Math.round(FIRST_POLL_INTERVAL_MS * 1.5 ** Math.max(0, pausesMade)));
}

/**
 * What to do after reading `status`, `elapsedMs` into a wait of `timeoutMs`. The last pause is
 * shortened so one final read happens at the deadline; a job still working after it timed out.
 */
export function decideWaitStep(
	status: string,
	rules: JobStatusRules,
	elapsedMs: number,
	timeoutMs: number,
	pausesMade: number,
): WaitStep {
	const normalized = status.trim().toLowerCase();
	if (rules.done.includes(normalized)) return { kind: 'finished' };
	if (rules.failed.includes(normalized)) return { kind: 'failed' };
	const remaining = timeoutMs - elapsedMs;
	if (remaining <= 0) return { kind: 'timedOut' };
	return { kind: 'poll', afterMs: Math.max(1, Math.min(pollIntervalMs(pausesMade), remaining)) };
}

/** The status field of a job state (`status`), as text; '' when absent. */
export function statusOf(state: IDataObject): string {
	return typeof state.status === 'string' ? state.status : '';
}

/** The job's own error text, when it gives one (`error`, `error_details`, `message`). */
export function jobErrorText(state: IDataObject): string | undefined {
	for (const key of ['error', 'error_details', 'message']) {
		const value = state[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (value && typeof value === 'object' && Object.keys(value).length > 0) return JSON.stringify(value);
	}
	return undefined;
}

export interface JobWatch {
	/** Names the job in messages, with its id: `artifact 32710180831586561`. */
	label: string;
	rules: JobStatusRules;
	/** Reads the job's current state once (through the transport, with its retries). */
	poll: () => Promise<IDataObject>;
	timeoutMs: number;
	/** A state already known, e.g. the answer that started the job; read first instead of polling. */
	initial?: IDataObject;
	/** How to pick the job up later, for the timeout message, e.g. 'the "Get Artifact" operation'. */
	readLater: string;
}

type WaitContext = Pick<IExecuteSingleFunctions, 'getNode' | 'getExecutionCancelSignal'>;

/**
 * Polls until the job is done (returns its final state), failed or out of time (throws an error
 * naming the job and its last status). Sleeps with n8n's `sleep`, so a cancelled execution stops it.
 */
export async function waitForJob(context: WaitContext, watch: JobWatch): Promise<IDataObject> {
	const startedAt = Date.now();
	let pausesMade = 0;
	let state = watch.initial ?? (await watch.poll());
	// Set once a pause has run to the deadline: the read after it is the last one, even when the
	// timer fired a millisecond before the wall clock reached the deadline (Node's timers run on
	// the event loop's own millisecond clock, which can be behind Date.now()).
	let deadlineReached = false;
	for (;;) {
		const status = statusOf(state);
		const elapsedMs: number = deadlineReached ? watch.timeoutMs : Date.now() - startedAt;
		const step = decideWaitStep(status, watch.rules, elapsedMs, watch.timeoutMs, pausesMade);
		if (step.kind === 'finished') return state;
		if (step.kind === 'failed') {
			const reason = jobErrorText(state);
			throw new NodeOperationError(
				context.getNode(),
				`Nex ${watch.label} failed (last status "${status}")${reason ? `: ${reason}` : ''}`,
				{
					description:
						'Nex reported the job as failed. Check the input it was given and run the node again; if it keeps failing, contact Nex support with the id above.',
				},
			);
		}
		if (step.kind === 'timedOut') {
			throw new NodeOperationError(
				context.getNode(),
				`Nex ${watch.label} did not finish within ${formatSeconds(watch.timeoutMs)} (last status "${status || 'unknown'}")`,
				{
					description: `It may still finish. Raise "Timeout (Seconds)" to wait longer, or turn off waiting and read it later with ${watch.readLater}.`,
				},
			);
		}
		deadlineReached = step.afterMs >= watch.timeoutMs - elapsedMs;
		await sleep(step.afterMs, context.getExecutionCancelSignal?.());
		pausesMade++;
		state = await watch.poll();
	}
}

function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** The "wait" parameters of an operation that starts asynchronous work. */
export function waitProperties(
	show: { resource: string[]; operation: string[] },
	options: { displayName: string; what: string; defaultWait: boolean; defaultTimeoutSeconds: number; waitDescription: string },
): INodeProperties[] {
	const { defaultTimeoutSeconds } = options;
	const waitSwitch: INodeProperties = {
		displayName: options.displayName,
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		displayOptions: { show },
		description: options.waitDescription,
	};
	waitSwitch.default = options.defaultWait;
	return [
		waitSwitch,
		{
			displayName: 'Timeout (Seconds)',
			name: 'waitTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: defaultTimeoutSeconds,
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
			description: `How long to wait for ${options.what} before the node stops with an error naming it and its last status`,
		},
	];
}

/** The wait settings of the current item. */
export function readWaitSettings(
	context: Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>,
	defaultWait: boolean,
): { wait: boolean; timeoutMs: number } {
	const wait = context.getNodeParameter('waitForCompletion', defaultWait) as boolean;
	if (!wait) return { wait, timeoutMs: 0 };
	const seconds = Number(context.getNodeParameter('waitTimeout', 300));
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw new NodeOperationError(context.getNode(), `Timeout (Seconds) must be a positive number, got ${quoteValue(seconds)}`, {
			description: 'Enter how many seconds to wait, e.g. 120.',
		});
	}
	return { wait, timeoutMs: Math.round(seconds * 1000) };
}

/** How an operation that starts a job finds the job in Nex's answer and follows it. */
export interface StartedJob {
	/** The answer's field holding the job's id, e.g. "job_id". */
	idField: string;
	/** Whether waiting is on by default (as in the operation's `waitProperties`). */
	defaultWait: boolean;
	/** What Nex did, for the error when the answer names no job: "Nex accepted the text". */
	accepted: string;
	/** The wait switch's display name, for that error's advice. */
	waitSwitch: string;
	/** What to watch for the job with this id (read in the item's context). */
	watch: (this: IExecuteSingleFunctions, id: string, started: IDataObject) => Omit<JobWatch, 'timeoutMs'>;
	/** The item once the job finished; default: the job's final state. */
	result?: (started: IDataObject, finished: IDataObject, id: string) => IDataObject;
}

/**
 * The transform of an operation that starts a job: without waiting, Nex's answer as it is; with
 * it, the job's id from that answer (an error when Nex gave none) and the job followed to its end.
 */
export function followStartedJob(job: StartedJob) {
	return async function (this: IExecuteSingleFunctions, items: IDataObject[]): Promise<IDataObject[]> {
		const started = items[0] ?? {};
		const { wait, timeoutMs } = readWaitSettings(this, job.defaultWait);
		if (!wait) return [started];
		const value = started[job.idField];
		const id = value === undefined || value === null ? '' : String(value);
		if (id === '') {
			throw new NodeOperationError(this.getNode(), `${job.accepted} but returned no ${job.idField} to wait for`, {
				description: `Turn off "${job.waitSwitch}" to see the answer Nex gave.`,
			});
		}
		const finished = await waitForJob(this, { ...job.watch.call(this, id, started), timeoutMs });
		return [job.result ? job.result(started, finished, id) : finished];
	};
}
