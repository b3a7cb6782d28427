import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compareInstants } from '../shared/instants';
import { nexApiRequest, type NexCallSpec } from '../Nex/shared/transport';
import { quoteValue } from '../shared/quote';
import { FULL_SCAN_MEMORY, isAtOrAfterFloor, isUnseen, merge, readMemory, ScanReadings, trimToCount } from './changeMemory';
import { readOffsetPages, type OffsetPage } from './offsetPages';
import { loadState, rowsOf, saveState } from './state';

/**
 * Tasks created or completed, from `GET /v1/tasks` (`?limit&offset`, optional `assignee_id`,
 * `is_completed`). Tasks carry `created_at` and, once completed, `completed_at`; the listing takes
 * no sort and no "since", and its order is not documented. So every poll reads the whole listing
 * (only completed tasks when only completions are watched), 500 per request: an idle poll is one
 * request per 500 tasks, not one. Each event has its own memory (changeMemory.ts) of the
 * FULL_SCAN_MEMORY most recent instants; a task completed again after being reopened has a new
 * `completed_at` and fires again.
 */

const TASKS_PAGE_SIZE = 500;
const LIST_SPEC: NexCallSpec = { scope: 'task.read', safeToRepeat: true };

const WATCHED = {
	taskCreated: { instant: (task: IDataObject) => task.created_at },
	taskCompleted: { instant: (task: IDataObject) => (task.is_completed === true ? task.completed_at : undefined) },
} as const;
export type TaskEvent = keyof typeof WATCHED;

function instantOf(event: TaskEvent, task: IDataObject): string | undefined {
	const at = WATCHED[event].instant(task);
	return typeof at === 'string' && at !== '' ? at : undefined;
}

function readAssignee(context: IPollFunctions, value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	if (text === '') return undefined;
	if (!/^\d{1,20}$/.test(text)) {
		throw new NodeOperationError(context.getNode(), `Assignee ID ${quoteValue(value)} is not a user id`, {
			description: 'Enter the numeric id of a workspace user (as text), or leave Assignee ID empty for every task. Nothing was sent.',
		});
	}
	return text;
}

async function listTasks(context: IPollFunctions, filters: IDataObject, offset: number, limit: number): Promise<OffsetPage> {
	const qs = { ...filters, limit, offset };
	const answer = (await nexApiRequest.call(context, 'GET', '/v1/tasks', LIST_SPEC, { qs })) as IDataObject;
	return { rows: rowsOf(answer), last: answer?.has_more === false };
}

export async function pollTasks(
	context: IPollFunctions,
	assigneeParameter: unknown,
	events: TaskEvent[],
): Promise<INodeExecutionData[][] | null> {
	const assignee = readAssignee(context, assigneeParameter);
	const filters: IDataObject = assignee ? { assignee_id: assignee } : {};
	// Completions alone: completed tasks are all that is needed.
	if (!events.includes('taskCreated')) filters.is_completed = true;

	if (context.getMode() === 'manual') {
		const { rows } = await listTasks(context, filters, 0, TASKS_PAGE_SIZE);
		const event = events[0] ?? 'taskCreated';
		const dated = rows.filter((task) => instantOf(event, task) !== undefined);
		const latest = dated.sort((a, b) => compareInstants(instantOf(event, b) as string, instantOf(event, a) as string))[0];
		return latest ? [[{ json: { event, task: latest } }]] : null;
	}

	const watched = `tasks:${assignee ?? ''}`;
	const saved = loadState(context, watched) ?? {};
	const memories = new Map(events.map((event) => [event, readMemory(saved[event])]));
	const readings = new Map(events.map((event) => [event, new ScanReadings()]));
	const fired: Array<{ event: TaskEvent; at: string; task: IDataObject }> = [];
	await readOffsetPages(
		async (offset, limit) => await listTasks(context, filters, offset, limit),
		TASKS_PAGE_SIZE,
		(rows) => {
			for (const task of rows) {
				for (const event of events) {
					const at = instantOf(event, task);
					const memory = memories.get(event);
					if (at === undefined || (memory && !isAtOrAfterFloor(memory, at))) continue;
					// No memory yet for this event: its baseline, nothing fires.
					if (readings.get(event)!.read(task.id as string, at) && memory && isUnseen(memory, task.id as string, at)) {
						fired.push({ event, at, task });
					}
				}
			}
			return true;
		},
	);
	const next: IDataObject = {};
	for (const event of events) {
		const merged = merge(memories.get(event) ?? { floor: null, seen: {} }, readings.get(event)!.byId);
		next[event] = trimToCount(merged, FULL_SCAN_MEMORY);
	}
	saveState(context, watched, next);
	const items = fired.sort((a, b) => compareInstants(a.at, b.at)).map(({ event, task }) => ({ json: { event, task } }));
	return items.length > 0 ? [items] : null;
}
