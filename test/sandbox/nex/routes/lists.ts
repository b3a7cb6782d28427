import { ApiError, emptyOk, ok } from '../http';
import { parseId } from '../ids';
import { presentList, presentListEntry } from '../present';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import type { ListDef, ListEntry, RecordEntity } from '../types';
import { optObject, optString, queryBool, reqString } from '../validate';
import { checkSlug, slugTaken } from './objects';
import { pageRecords } from './records';

/** Lists (object definitions of type "list") and their members. */

function requireList(store: NexStore, raw: string): ListDef {
	const id = parseId(raw, 'list ID');
	const list = store.lists.get(id.toString());
	if (!list) throw new ApiError(404, `list not found: ${raw}`);
	return list;
}

/**
 * `{record_id}` in list paths: the guide passes the member's record id, the spec's examples the
 * list entry's own id. Both are accepted.
 */
function requireEntry(store: NexStore, list: ListDef, raw: string): ListEntry {
	const id = parseId(raw, 'record ID').toString();
	const members = store.entriesByList.get(list.id.toString())!;
	const entry = members.get(id) ?? store.listEntries.get(id);
	if (!entry || entry.listId !== list.id) throw new ApiError(404, `record ${raw} is not in list ${list.id}`);
	return entry;
}

function memberRecord(ctx: Ctx, list: ListDef): { record: RecordEntity; attributes: Record<string, unknown> } {
	const body = ctx.body();
	const parentId = reqString(body, 'parent_id');
	const id = parseId(parentId, 'parent_id');
	const record = ctx.store.records.get(id.toString());
	if (!record) throw new ApiError(404, `record not found: ${parentId}`);
	if (record.objectId !== list.objectId) {
		throw new ApiError(400, `record ${parentId} is a ${ctx.store.objectOf(record).slug}, this list holds another object type`);
	}
	return { record, attributes: optObject(body, 'attributes') ?? {} };
}

function listObjectLists(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const include = queryBool(ctx.query, 'include_attributes') === true;
	const lists = [...ctx.store.lists.values()].filter((l) => l.objectId === object.id);
	return ok({ data: lists.map((l) => presentList(l, include)) });
}

function createList(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const body = ctx.body();
	const name = reqString(body, 'name', { max: 255 });
	const slug = reqString(body, 'slug');
	checkSlug(slug);
	const namePlural = optString(body, 'name_plural');
	const description = optString(body, 'description');
	if (slugTaken(ctx.store, slug)) throw new ApiError(400, `an object or list with slug "${slug}" already exists`);
	const list = ctx.store.addList(object, { slug, name, namePlural: namePlural || undefined, description }, ctx.now);
	return ok(presentList(list));
}

function getList(ctx: Ctx) {
	return ok(presentList(requireList(ctx.store, ctx.params.id)));
}

function deleteList(ctx: Ctx) {
	ctx.store.deleteList(requireList(ctx.store, ctx.params.id));
	return emptyOk();
}

function addMember(ctx: Ctx) {
	const list = requireList(ctx.store, ctx.params.id);
	const { record, attributes } = memberRecord(ctx, list);
	if (ctx.store.entriesByList.get(list.id.toString())!.has(record.id.toString())) {
		throw new ApiError(400, `record ${record.id} is already in list ${list.id}; use PUT to update its list attributes`);
	}
	const entry = ctx.store.upsertListEntry(list, record, attributes, ctx.now);
	return ok(presentListEntry(ctx.store, entry, list));
}

function upsertMember(ctx: Ctx) {
	const list = requireList(ctx.store, ctx.params.id);
	const { record, attributes } = memberRecord(ctx, list);
	const entry = ctx.store.upsertListEntry(list, record, attributes, ctx.now);
	return ok(presentListEntry(ctx.store, entry, list));
}

function listRecords(ctx: Ctx) {
	const list = requireList(ctx.store, ctx.params.id);
	const object = ctx.store.objects.get(list.objectId.toString())!;
	const entries = [...ctx.store.entriesByList.get(list.id.toString())!.values()];
	const byRecord = new Map(entries.map((e) => [e.recordId.toString(), e]));
	const records = entries.map((e) => ctx.store.records.get(e.recordId.toString())!);
	return pageRecords(ctx, object, records, (r) => byRecord.get(r.id.toString())?.attributes);
}

function updateListRecord(ctx: Ctx) {
	const list = requireList(ctx.store, ctx.params.id);
	const entry = requireEntry(ctx.store, list, ctx.params.record_id);
	const attributes = optObject(ctx.body(), 'attributes');
	if (!attributes) throw new ApiError(400, 'attributes is required');
	const record = ctx.store.records.get(entry.recordId.toString())!;
	ctx.store.upsertListEntry(list, record, attributes, ctx.now);
	return ok(presentListEntry(ctx.store, entry, list));
}

function removeListRecord(ctx: Ctx) {
	const list = requireList(ctx.store, ctx.params.id);
	const entry = requireEntry(ctx.store, list, ctx.params.record_id);
	ctx.store.removeListEntry(list, entry, ctx.now);
	return emptyOk();
}

export const listRoutes: RouteDef[] = [
	{ method: 'GET', path: '/v1/objects/{slug}/lists', scope: 'list.read', operationId: 'listObjectLists', handler: listObjectLists },
	{ method: 'POST', path: '/v1/objects/{slug}/lists', scope: 'object.write', operationId: 'createList', handler: createList },
	{ method: 'GET', path: '/v1/lists/{id}', scope: 'list.read', operationId: 'getList', handler: getList },
	{ method: 'DELETE', path: '/v1/lists/{id}', scope: 'object.write', operationId: 'deleteList', handler: deleteList },
	{ method: 'POST', path: '/v1/lists/{id}', scope: 'list.member.write', operationId: 'addListMember', handler: addMember },
	{ method: 'PUT', path: '/v1/lists/{id}', scope: 'list.member.write', operationId: 'upsertListMember', handler: upsertMember },
	{ method: 'POST', path: '/v1/lists/{id}/records', scope: 'list.member.read', operationId: 'getListRecords', handler: listRecords },
	{
		method: 'PATCH',
		path: '/v1/lists/{id}/records/{record_id}',
		scope: 'list.member.write',
		operationId: 'updateListRecord',
		handler: updateListRecord,
	},
	{
		method: 'DELETE',
		path: '/v1/lists/{id}/records/{record_id}',
		scope: 'record.write',
		operationId: 'removeRecordFromList',
		handler: removeListRecord,
	},
];
