import { displayName, findAttribute, isPlainObject, matchKey, normaliseAttributes } from '../attributes';
import { ApiError, emptyOk, ok } from '../http';
import { parseId } from '../ids';
import { parseAttributeSelection, presentRecord } from '../present';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import type { ObjectDef, RecordEntity } from '../types';
import { optInt, optObject, reqString, type Body } from '../validate';

/** Records: create, upsert on a matching attribute, get, update, delete, and paged listing. */

export const RECORDS_MAX_LIMIT = 500;
export const RECORDS_DEFAULT_LIMIT = 50;

export function requireRecord(store: NexStore, raw: string, what = 'record ID'): RecordEntity {
	const id = parseId(raw, what);
	const record = store.records.get(id.toString());
	if (!record) throw new ApiError(404, `record not found: ${raw}`);
	return record;
}

function attributesOf(body: Body): Record<string, unknown> {
	const attributes = optObject(body, 'attributes');
	if (!attributes) throw new ApiError(400, 'attributes is required');
	return attributes;
}

function requireName(attributes: Record<string, unknown>): void {
	const name = attributes.name;
	if (name === undefined || name === null || (typeof name !== 'string' && !isPlainObject(name))) {
		throw new ApiError(400, 'attributes.name is required (a string or an object such as {"first_name": ..., "last_name": ...})');
	}
}

function createRecord(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const attributes = attributesOf(ctx.body());
	requireName(attributes);
	const record = ctx.store.insertRecord(object, normaliseAttributes(object, attributes, 'create'), ctx.now);
	return ok(presentRecord(ctx.store, record));
}

function upsertRecord(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const body = ctx.body();
	const attributes = attributesOf(body);
	const matching = reqString(body, 'matching_attribute');
	requireName(attributes);
	const matchDef = findAttribute(object.attributes, matching);
	if (!matchDef) throw new ApiError(400, `matching_attribute "${matching}" is not an attribute of "${object.slug}"`);
	const given = Object.keys(attributes).find((k) => findAttribute(object.attributes, k) === matchDef);
	if (given === undefined || attributes[given] === null) {
		throw new ApiError(400, `attributes must include a value for the matching attribute "${matchDef.slug}"`);
	}
	const existing = ctx.store.findByAttribute(object, matchDef.slug, normaliseAttributes(object, { [given]: attributes[given] }, 'update')[matchDef.slug]);
	if (existing) {
		ctx.store.updateRecord(existing, normaliseAttributes(object, attributes, 'update'), ctx.now);
		return ok(presentRecord(ctx.store, existing));
	}
	const record = ctx.store.insertRecord(object, normaliseAttributes(object, attributes, 'create'), ctx.now);
	return ok(presentRecord(ctx.store, record));
}

function getRecord(ctx: Ctx) {
	return ok(presentRecord(ctx.store, requireRecord(ctx.store, ctx.params.record_id)));
}

function updateRecord(ctx: Ctx) {
	const record = requireRecord(ctx.store, ctx.params.record_id);
	const attributes = attributesOf(ctx.body());
	const object = ctx.store.objectOf(record);
	ctx.store.updateRecord(record, normaliseAttributes(object, attributes, 'update'), ctx.now);
	return ok(presentRecord(ctx.store, record));
}

function deleteRecord(ctx: Ctx) {
	ctx.store.deleteRecord(requireRecord(ctx.store, ctx.params.record_id));
	return emptyOk();
}

type SortKey = (r: RecordEntity) => string | number | undefined;

function sortKey(object: ObjectDef, attribute: string, updatedAtSortable: boolean): SortKey {
	if (attribute === 'created_at' || attribute === 'id') return (r) => r.createdMs;
	if (attribute === 'updated_at' && updatedAtSortable) return (r) => Date.parse(r.updatedAt);
	const def = findAttribute(object.attributes, attribute);
	if (!def) throw new ApiError(400, `cannot sort by unknown attribute "${attribute}"`);
	return (r) => {
		const v = r.attributes[def.slug];
		if (v === undefined || v === null) return undefined;
		if (typeof v === 'number') return v;
		if (def.type === 'full_name' || def.slug === 'name') return displayName(v).toLowerCase();
		return matchKey(Array.isArray(v) ? v[0] : v);
	};
}

/**
 * Pages records for `POST /v1/objects/{slug}/records` and `POST /v1/lists/{id}/records`:
 * body `{limit, offset, sort, attributes}` → `{data, total, limit, offset}`. Default order is
 * creation order; ties break on id, so pages never overlap.
 */
export function pageRecords(
	ctx: Ctx,
	object: ObjectDef,
	records: RecordEntity[],
	extraAttributes?: (r: RecordEntity) => Record<string, unknown> | undefined,
) {
	const body = ctx.body();
	const limit = optInt(body, 'limit') ?? RECORDS_DEFAULT_LIMIT;
	const offset = optInt(body, 'offset') ?? 0;
	if (limit < 1 || limit > RECORDS_MAX_LIMIT) throw new ApiError(400, `limit must be between 1 and ${RECORDS_MAX_LIMIT}`);
	if (offset < 0) throw new ApiError(400, 'offset must not be negative');
	const selection = parseAttributeSelection(body.attributes ?? undefined, object);
	const sort = optObject(body, 'sort');
	let ordered = records;
	// A server that ignores the sort (config recordsSort) checks nothing of it either.
	if (sort && ctx.store.config.recordsSort !== 'ignored') {
		const attribute = sort.attribute === undefined ? 'created_at' : sort.attribute;
		if (typeof attribute !== 'string') throw new ApiError(400, 'sort.attribute must be a string');
		const direction = sort.direction ?? 'asc';
		if (direction !== 'asc' && direction !== 'desc') throw new ApiError(400, 'sort.direction must be "asc" or "desc"');
		const key = sortKey(object, attribute, ctx.store.config.recordsSort === 'honoured');
		const sign = direction === 'asc' ? 1 : -1;
		const keyed = records.map((r) => ({ r, k: key(r) }));
		keyed.sort((a, b) => {
			if (a.k === undefined || b.k === undefined) {
				if (a.k === b.k) return a.r.id < b.r.id ? -1 : 1;
				return a.k === undefined ? 1 : -1;
			}
			if (a.k < b.k) return -sign;
			if (a.k > b.k) return sign;
			return a.r.id < b.r.id ? -1 : 1;
		});
		ordered = keyed.map((x) => x.r);
	}
	const page = ordered.slice(offset, offset + limit);
	return ok({
		data: page.map((r) => presentRecord(ctx.store, r, selection, extraAttributes?.(r))),
		total: ordered.length,
		limit,
		offset,
	});
}

function listRecords(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const ids = ctx.store.recordsByObject.get(object.id.toString()) ?? new Set<string>();
	const records: RecordEntity[] = [];
	for (const id of ids) records.push(ctx.store.records.get(id)!);
	return pageRecords(ctx, object, records);
}

export const recordRoutes: RouteDef[] = [
	{ method: 'POST', path: '/v1/objects/{slug}', scope: 'record.write', operationId: 'createRecord', handler: createRecord },
	{ method: 'PUT', path: '/v1/objects/{slug}', scope: 'record.write', operationId: 'upsertRecord', handler: upsertRecord },
	{ method: 'POST', path: '/v1/objects/{slug}/records', scope: 'record.read', operationId: 'listRecords', handler: listRecords },
	{ method: 'GET', path: '/v1/records/{record_id}', scope: 'record.read', operationId: 'getRecord', handler: getRecord },
	{ method: 'PATCH', path: '/v1/records/{record_id}', scope: 'record.write', operationId: 'updateRecord', handler: updateRecord },
	{ method: 'DELETE', path: '/v1/records/{record_id}', scope: 'record.write', operationId: 'deleteRecord', handler: deleteRecord },
];
