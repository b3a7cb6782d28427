import { ApiError, emptyOk, ok } from '../http';
import { parseId } from '../ids';
import { presentTask, taskPayload } from '../present';
import type { Ctx, RouteDef } from '../router';
import { API_ACTOR, type NexStore } from '../store';
import { rfc3339 } from '../time';
import { TASK_PRIORITIES, type Task, type TaskPriority } from '../types';
import {
	optBool,
	optEnum,
	optString,
	optStringArray,
	optTimestamp,
	queryBool,
	queryInt,
	queryString,
	reqString,
	type Body,
} from '../validate';

/** Tasks: soft delete (archived_at), offset paging `{data, has_more, total, next_offset}`. */

export const TASKS_MAX_LIMIT = 500;
export const TASKS_DEFAULT_LIMIT = 100;

/** Entity ids must name existing records (400 otherwise: a rounded id is caught here). */
export function checkEntityIds(store: NexStore, ids: string[], field: string): void {
	for (const raw of ids) {
		const id = parseId(raw, `${field} entry "${raw}"`);
		if (!store.records.has(id.toString())) throw new ApiError(400, `${field}: record not found: ${raw}`);
	}
}

function checkUserIds(ids: string[]): void {
	for (const raw of ids) parseId(raw, `assignee id "${raw}"`);
}

export function insertTask(
	store: NexStore,
	fields: Pick<Task, 'title'> & Partial<Pick<Task, 'description' | 'priority' | 'dueDate' | 'assigneeIds' | 'entityIds' | 'isCompleted'>>,
	ms = store.now(),
): Task {
	const task: Task = {
		id: store.ids.next(),
		title: fields.title,
		description: fields.description || undefined,
		priority: fields.priority ?? 'unspecified',
		dueDate: fields.dueDate,
		isCompleted: fields.isCompleted ?? false,
		completedAt: fields.isCompleted ? rfc3339(ms) : undefined,
		assigneeIds: fields.assigneeIds ?? [],
		entityIds: fields.entityIds ?? [],
		createdBy: API_ACTOR.createdBy,
		createdById: API_ACTOR.createdById,
		createdMs: ms,
		createdAt: rfc3339(ms),
	};
	store.tasks.set(task.id.toString(), task);
	for (const entityId of task.entityIds) {
		store.addTimeline(BigInt(entityId), 'task', task.id.toString(), 'created', { task: taskPayload(task) }, ms);
	}
	return task;
}

function requireTask(store: NexStore, raw: string): Task {
	const id = parseId(raw, 'task ID');
	const task = store.tasks.get(id.toString());
	if (!task) throw new ApiError(404, `task not found: ${raw}`);
	return task;
}

function createTask(ctx: Ctx) {
	const body = ctx.body();
	const title = reqString(body, 'title', { max: 500 });
	const entityIds = optStringArray(body, 'entity_ids') ?? [];
	const assigneeIds = optStringArray(body, 'assignee_ids') ?? [];
	checkEntityIds(ctx.store, entityIds, 'entity_ids');
	checkUserIds(assigneeIds);
	const task = insertTask(
		ctx.store,
		{
			title,
			description: optString(body, 'description'),
			priority: optEnum<TaskPriority>(body, 'priority', TASK_PRIORITIES),
			dueDate: optTimestamp(body, 'due_date'),
			entityIds: entityIds.map((id) => BigInt(id).toString()),
			assigneeIds,
		},
		ctx.now,
	);
	return ok(presentTask(task));
}

function listTasks(ctx: Ctx) {
	const limit = queryInt(ctx.query, 'limit', { min: 1, max: TASKS_MAX_LIMIT, def: TASKS_DEFAULT_LIMIT });
	const offset = queryInt(ctx.query, 'offset', { min: 0, def: 0 });
	const entityId = queryString(ctx.query, 'entity_id');
	const assigneeId = queryString(ctx.query, 'assignee_id');
	const search = queryString(ctx.query, 'search')?.toLowerCase();
	const completed = queryBool(ctx.query, 'is_completed');
	const entityKey = entityId ? parseId(entityId, 'entity_id').toString() : undefined;
	const matches: Task[] = [];
	for (const task of ctx.store.tasks.values()) {
		if (task.archivedAt) continue;
		if (entityKey && !task.entityIds.includes(entityKey)) continue;
		if (assigneeId && !task.assigneeIds.includes(assigneeId)) continue;
		if (completed !== undefined && task.isCompleted !== completed) continue;
		if (search && !task.title.toLowerCase().includes(search)) continue;
		matches.push(task);
	}
	matches.reverse(); // newest first
	const page = matches.slice(offset, offset + limit);
	const hasMore = offset + page.length < matches.length;
	return ok({
		data: page.map(presentTask),
		has_more: hasMore,
		total: matches.length,
		next_offset: hasMore ? offset + page.length : undefined,
	});
}

function getTask(ctx: Ctx) {
	return ok(presentTask(requireTask(ctx.store, ctx.params.task_id)));
}

function updateTask(ctx: Ctx) {
	const task = requireTask(ctx.store, ctx.params.task_id);
	const body: Body = ctx.body();
	const title = optString(body, 'title', { max: 500 });
	if (title !== undefined && title.trim() === '') throw new ApiError(400, 'title cannot be empty');
	const description = optString(body, 'description');
	const priority = optEnum(body, 'priority', [...TASK_PRIORITIES, ''] as const);
	const dueDate = optTimestamp(body, 'due_date');
	const completed = optBool(body, 'is_completed');
	const entityIds = optStringArray(body, 'entity_ids');
	const assigneeIds = optStringArray(body, 'assignee_ids');
	if (entityIds) checkEntityIds(ctx.store, entityIds, 'entity_ids');
	if (assigneeIds) checkUserIds(assigneeIds);

	const changes: { field_name: string; old_value: unknown; new_value: unknown }[] = [];
	const set = <K extends keyof Task>(field: K, name: string, value: Task[K]) => {
		if (JSON.stringify(task[field]) === JSON.stringify(value)) return;
		changes.push({ field_name: name, old_value: task[field] ?? null, new_value: value ?? null });
		task[field] = value;
	};
	if (title !== undefined) set('title', 'title', title);
	if (description !== undefined) set('description', 'description', description || undefined);
	if (priority !== undefined) set('priority', 'priority', priority || 'unspecified');
	if (dueDate !== undefined) set('dueDate', 'due_date', dueDate);
	if (completed !== undefined) {
		set('isCompleted', 'is_completed', completed);
		if (completed && !task.completedAt) task.completedAt = rfc3339(ctx.now);
		if (!completed) task.completedAt = undefined;
	}
	const oldEntities = task.entityIds;
	if (entityIds) set('entityIds', 'entity_ids', entityIds.map((id) => BigInt(id).toString()));
	if (assigneeIds) set('assigneeIds', 'assignee_ids', assigneeIds);
	if (changes.length > 0) {
		for (const entityId of new Set([...oldEntities, ...task.entityIds])) {
			if (!ctx.store.records.has(entityId)) continue;
			ctx.store.addTimeline(BigInt(entityId), 'task', task.id.toString(), 'updated', { task: taskPayload(task), field_changes: changes }, ctx.now);
		}
	}
	return ok(presentTask(task));
}

function deleteTask(ctx: Ctx) {
	const task = requireTask(ctx.store, ctx.params.task_id);
	if (!task.archivedAt) {
		task.archivedAt = rfc3339(ctx.now);
		for (const entityId of task.entityIds) {
			if (!ctx.store.records.has(entityId)) continue;
			ctx.store.addTimeline(BigInt(entityId), 'task', task.id.toString(), 'archived', { task: taskPayload(task) }, ctx.now);
		}
	}
	return emptyOk();
}

export const taskRoutes: RouteDef[] = [
	{ method: 'POST', path: '/v1/tasks', scope: 'task.write', operationId: 'createTask', handler: createTask },
	{ method: 'GET', path: '/v1/tasks', scope: 'task.read', operationId: 'listTasks', handler: listTasks },
	{ method: 'GET', path: '/v1/tasks/{task_id}', scope: 'task.read', operationId: 'getTask', handler: getTask },
	{ method: 'PATCH', path: '/v1/tasks/{task_id}', scope: 'task.write', operationId: 'updateTask', handler: updateTask },
	{ method: 'DELETE', path: '/v1/tasks/{task_id}', scope: 'task.write', operationId: 'deleteTask', handler: deleteTask },
];
