/**
 * Nex Record Trigger test helper: a Nex sandbox on 127.0.0.1, a TestEngine with a `nexApi`
 * credential, and `poll`, which runs the trigger's poll() as n8n does (through `runPoll`), keeping
 * the workflow's static data between calls, plus direct writes to the sandbox's store at chosen
 * instants (a burst sharing one `updated_at`).
 */
import type { IDataObject, INode, INodeParameters, WorkflowExecuteMode } from 'n8n-workflow';

import { TestEngine } from '../harness/engine';
import { runPoll } from '../harness/triggers';
import { startNexSandbox, type NexSandbox } from '../sandbox/nex';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { insertTask } from '../sandbox/nex/routes/tasks';
import { rfc3339 } from '../sandbox/nex/time';

export const RECORDS_PATH = '/api/developers/v1/objects/person/records';
export const TASKS_PATH = '/api/developers/v1/tasks';

export interface PollRun {
	items: IDataObject[];
	empty: boolean;
	/** What the sandbox received during this poll. */
	requests: LoggedRequest[];
}

export interface RecordTriggerTest {
	sandbox: NexSandbox;
	node(parameters: INodeParameters): INode;
	poll(node: INode, staticData: IDataObject, mode?: WorkflowExecuteMode): Promise<PollRun>;
	failingPoll(node: INode, staticData: IDataObject): Promise<Error & { httpCode?: string; description?: string }>;
	/** Person records created at instant `ms` (ids in creation order). */
	createPeople(count: number, ms: number): string[];
	/** Changes a record at instant `ms`. */
	touch(id: string, ms: number): void;
	/** A task created at `ms`, optionally assigned. */
	createTask(title: string, ms: number, assigneeIds?: string[]): string;
	/** Marks a task completed (or reopens it) at `ms`. */
	setCompleted(id: string, completed: boolean, ms: number): void;
	close(): Promise<void>;
}

export async function startRecordTriggerTest(): Promise<RecordTriggerTest> {
	const sandbox = await startNexSandbox({ port: 0, keepaliveIntervalMs: 0 });
	const engine = new TestEngine();
	engine.addCredential({ id: 'nex', name: 'Nex', type: 'nexApi', data: { apiKey: sandbox.keys.full, baseUrl: sandbox.baseUrl } });
	const store = sandbox.store;
	let touches = 0;
	return {
		sandbox,
		node: (parameters) => ({
			id: 'record-trigger',
			name: 'Nex Record Trigger',
			type: 'n8n-nodes-nex.nexRecordTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters,
			credentials: { nexApi: { id: 'nex', name: 'Nex' } },
		}),
		async poll(node, staticData, mode = 'trigger') {
			const start = sandbox.requests.entries.length;
			const result = await runPoll(engine, node, staticData, mode);
			return {
				items: (result.items ?? []).map((item) => item.json),
				empty: result.items === null,
				requests: sandbox.requests.entries.slice(start),
			};
		},
		async failingPoll(node, staticData) {
			try {
				await runPoll(engine, node, staticData);
			} catch (error) {
				return error as Error;
			}
			throw new Error('The poll was expected to fail but succeeded');
		},
		createPeople(count, ms) {
			const person = store.requireObject('person');
			return Array.from({ length: count }, (_, i) =>
				store.insertRecord(person, { name: { first_name: 'Burst', last_name: `No ${i}` } }, ms).id.toString(),
			);
		},
		touch(id, ms) {
			store.updateRecord(store.records.get(id)!, { job_title: `Title ${++touches}` }, ms);
		},
		createTask(title, ms, assigneeIds = []) {
			return insertTask(store, { title, assigneeIds }, ms).id.toString();
		},
		setCompleted(id, completed, ms) {
			const task = store.tasks.get(id)!;
			task.isCompleted = completed;
			task.completedAt = completed ? rfc3339(ms) : undefined;
		},
		close: async () => await sandbox.close(),
	};
}

/** How many times each id appears among the items (`record` or `task` inside each). */
export function countById(items: IDataObject[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const item of items) {
		const id = String(((item.record ?? item.task) as IDataObject).id);
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}
