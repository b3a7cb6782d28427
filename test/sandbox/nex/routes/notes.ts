import { ApiError, emptyOk, ok } from '../http';
import { parseId } from '../ids';
import { notePayload, presentNote } from '../present';
import type { Ctx, RouteDef } from '../router';
import { API_ACTOR, type NexStore } from '../store';
import { rfc3339 } from '../time';
import type { Note } from '../types';
import { optString, queryString, reqString } from '../validate';

/** Notes: soft delete (archived_at); the list answers at most 200 notes, newest first, no paging. */

export const NOTES_CAP = 200;

export function insertNote(store: NexStore, fields: { title: string; content?: string; entityId?: string }, ms = store.now()): Note {
	const note: Note = {
		id: store.ids.next(),
		title: fields.title,
		content: fields.content,
		entityId: fields.entityId,
		createdBy: API_ACTOR.createdBy,
		createdMs: ms,
		createdAt: rfc3339(ms),
	};
	store.notes.set(note.id.toString(), note);
	if (note.entityId) store.addTimeline(BigInt(note.entityId), 'note', note.id.toString(), 'created', { note: notePayload(note) }, ms);
	return note;
}

function entityIdOf(store: NexStore, raw: string | undefined): string | undefined {
	if (raw === undefined || raw === '') return undefined;
	const id = parseId(raw, 'entity_id').toString();
	if (!store.records.has(id)) throw new ApiError(400, `entity_id: record not found: ${raw}`);
	return id;
}

function requireNote(store: NexStore, raw: string): Note {
	const note = store.notes.get(parseId(raw, 'note ID').toString());
	if (!note) throw new ApiError(404, `note not found: ${raw}`);
	return note;
}

function createNote(ctx: Ctx) {
	const body = ctx.body();
	const title = reqString(body, 'title', { max: 500 });
	const note = insertNote(
		ctx.store,
		{ title, content: optString(body, 'content'), entityId: entityIdOf(ctx.store, optString(body, 'entity_id')) },
		ctx.now,
	);
	return ok(presentNote(note));
}

function listNotes(ctx: Ctx) {
	const raw = queryString(ctx.query, 'entity_id');
	const entityId = raw ? parseId(raw, 'entity_id').toString() : undefined;
	const out: Note[] = [];
	const all = [...ctx.store.notes.values()];
	for (let i = all.length - 1; i >= 0 && out.length < NOTES_CAP; i--) {
		const note = all[i];
		if (note.archivedAt) continue;
		if (entityId && note.entityId !== entityId) continue;
		out.push(note);
	}
	return ok({ data: out.map(presentNote) });
}

function getNote(ctx: Ctx) {
	return ok(presentNote(requireNote(ctx.store, ctx.params.note_id)));
}

function updateNote(ctx: Ctx) {
	const note = requireNote(ctx.store, ctx.params.note_id);
	const body = ctx.body();
	const title = optString(body, 'title', { max: 500 });
	const content = optString(body, 'content');
	const entityRaw = optString(body, 'entity_id');
	if (title !== undefined && title.trim() === '') throw new ApiError(400, 'title cannot be empty');
	const entityId = entityRaw !== undefined ? entityIdOf(ctx.store, entityRaw) : note.entityId;
	const changes: { field_name: string; old_value: unknown; new_value: unknown }[] = [];
	if (title !== undefined && title !== note.title) changes.push({ field_name: 'title', old_value: note.title, new_value: title });
	if (content !== undefined && content !== note.content) changes.push({ field_name: 'content', old_value: note.content ?? null, new_value: content });
	if (entityId !== note.entityId) changes.push({ field_name: 'entity_id', old_value: note.entityId ?? null, new_value: entityId ?? null });
	if (title !== undefined) note.title = title;
	if (content !== undefined) note.content = content;
	note.entityId = entityId;
	if (changes.length > 0 && note.entityId && ctx.store.records.has(note.entityId)) {
		ctx.store.addTimeline(BigInt(note.entityId), 'note', note.id.toString(), 'updated', { note: notePayload(note), field_changes: changes }, ctx.now);
	}
	return ok(presentNote(note));
}

function deleteNote(ctx: Ctx) {
	const note = requireNote(ctx.store, ctx.params.note_id);
	if (!note.archivedAt) {
		note.archivedAt = rfc3339(ctx.now);
		if (note.entityId && ctx.store.records.has(note.entityId)) {
			ctx.store.addTimeline(BigInt(note.entityId), 'note', note.id.toString(), 'archived', { note: notePayload(note) }, ctx.now);
		}
	}
	return emptyOk();
}

export const noteRoutes: RouteDef[] = [
	{ method: 'POST', path: '/v1/notes', scope: 'note.write', operationId: 'createNote', handler: createNote },
	{ method: 'GET', path: '/v1/notes', scope: 'note.read', operationId: 'listNotes', handler: listNotes },
	{ method: 'GET', path: '/v1/notes/{note_id}', scope: 'note.read', operationId: 'getNote', handler: getNote },
	{ method: 'PATCH', path: '/v1/notes/{note_id}', scope: 'note.write', operationId: 'updateNote', handler: updateNote },
	{ method: 'DELETE', path: '/v1/notes/{note_id}', scope: 'note.write', operationId: 'deleteNote', handler: deleteNote },
];
