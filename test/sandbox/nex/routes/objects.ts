import { findAttribute, isPlainObject } from '../attributes';
import { ApiError, emptyOk, ok } from '../http';
import { presentAttribute, presentObject } from '../present';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import { ATTRIBUTE_TYPES, type AttributeOptions, type ObjectKind, type SelectOption } from '../types';
import { optBool, optEnum, optObject, optString, queryBool, reqString, type Body } from '../validate';

/** Schema: object definitions and their attribute definitions. */

const SLUG = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export function checkSlug(slug: string): void {
	if (!SLUG.test(slug)) {
		throw new ApiError(400, 'slug must be 1-64 characters of lower-case letters, digits, "-" or "_"');
	}
}

export function slugTaken(store: NexStore, slug: string): boolean {
	return store.objectBySlug(slug) !== undefined || [...store.lists.values()].some((l) => l.slug === slug);
}

function selectOptions(store: NexStore, raw: unknown, existing: SelectOption[] = []): SelectOption[] {
	if (!Array.isArray(raw)) throw new ApiError(400, 'options.select_options must be an array');
	return raw.map((item) => {
		if (!isPlainObject(item)) throw new ApiError(400, 'each select option must be an object');
		const name = reqString(item, 'name');
		const id = optString(item, 'id');
		if (id !== undefined) {
			if (!existing.some((o) => o.id === id)) throw new ApiError(400, `unknown select option id: ${id}`);
			return { id, name };
		}
		return { id: store.ids.nextString(), name };
	});
}

function attributeOptions(store: NexStore, raw: Body | undefined, existing?: AttributeOptions): Partial<AttributeOptions> {
	if (!raw) return {};
	const out: Partial<AttributeOptions> = {};
	const flags = existing
		? (['is_required', 'use_raw_format', 'is_whole_number'] as const)
		: (['is_required', 'is_unique', 'is_multi_value', 'use_raw_format', 'is_whole_number'] as const);
	for (const flag of flags) {
		const v = optBool(raw, flag);
		if (v !== undefined) out[flag] = v;
	}
	if (raw.select_options !== undefined && raw.select_options !== null) {
		out.select_options = selectOptions(store, raw.select_options, existing?.select_options);
	}
	return out;
}

function listObjects(ctx: Ctx) {
	const include = ctx.query.include_attributes !== undefined ? queryBool(ctx.query, 'include_attributes') : false;
	return ok({ data: [...ctx.store.objects.values()].map((o) => presentObject(o, include === true)) });
}

function createObject(ctx: Ctx) {
	const body = ctx.body();
	const name = reqString(body, 'name', { max: 255 });
	const slug = reqString(body, 'slug');
	checkSlug(slug);
	const type = optEnum<ObjectKind>(body, 'type', ['person', 'company', 'custom', 'deal']) ?? 'custom';
	const namePlural = optString(body, 'name_plural', { max: 255 });
	const description = optString(body, 'description');
	if (slugTaken(ctx.store, slug)) throw new ApiError(400, `an object or list with slug "${slug}" already exists`);
	const store = ctx.store;
	const object = store.addObject(
		{ slug, name, namePlural: namePlural || undefined, description, type },
		[store.newAttribute('name', 'Name', type === 'person' ? 'full_name' : 'text', { is_required: true })],
		ctx.now,
	);
	return ok(presentObject(object));
}

function getObject(ctx: Ctx) {
	return ok(presentObject(ctx.store.requireObject(ctx.params.slug)));
}

function updateObject(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const body = ctx.body();
	const name = optString(body, 'name', { max: 255 });
	const namePlural = optString(body, 'name_plural', { max: 255 });
	const description = optString(body, 'description');
	if (name !== undefined) {
		if (name.trim() === '') throw new ApiError(400, 'name cannot be empty');
		object.name = name;
	}
	if (namePlural !== undefined) object.namePlural = namePlural;
	if (description !== undefined) object.description = description;
	return ok(presentObject(object));
}

function deleteObject(ctx: Ctx) {
	ctx.store.deleteObject(ctx.store.requireObject(ctx.params.slug));
	return emptyOk();
}

function createAttribute(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const body = ctx.body();
	const name = reqString(body, 'name', { max: 255 });
	const slug = reqString(body, 'slug');
	checkSlug(slug);
	const type = optEnum(body, 'type', ATTRIBUTE_TYPES);
	if (!type) throw new ApiError(400, 'type is required');
	const description = optString(body, 'description') ?? '';
	const options = attributeOptions(ctx.store, optObject(body, 'options'));
	if (type === 'select' && !options.select_options) options.select_options = [];
	if (type !== 'select' && options.select_options) throw new ApiError(400, 'select_options are only allowed on select attributes');
	if (object.attributes.some((a) => a.slug === slug)) {
		throw new ApiError(400, `attribute "${slug}" already exists on object "${object.slug}"`);
	}
	const attribute = ctx.store.newAttribute(slug, name, type, options, description);
	object.attributes.push(attribute);
	return ok(presentAttribute(attribute));
}

function requireAttribute(ctx: Ctx) {
	const object = ctx.store.requireObject(ctx.params.slug);
	const attribute = findAttribute(object.attributes, ctx.params.attr_id);
	if (!attribute) throw new ApiError(404, `attribute not found: ${ctx.params.attr_id}`);
	return { object, attribute };
}

function updateAttribute(ctx: Ctx) {
	const { attribute } = requireAttribute(ctx);
	const body = ctx.body();
	const name = optString(body, 'name', { max: 255 });
	const description = optString(body, 'description');
	const options = attributeOptions(ctx.store, optObject(body, 'options'), attribute.options);
	if (options.select_options && attribute.type !== 'select') {
		throw new ApiError(400, 'select_options are only allowed on select attributes');
	}
	if (name !== undefined) {
		if (name.trim() === '') throw new ApiError(400, 'name cannot be empty');
		attribute.name = name;
	}
	if (description !== undefined) attribute.description = description;
	Object.assign(attribute.options, options);
	return ok(presentAttribute(attribute));
}

function deleteAttribute(ctx: Ctx) {
	const { object, attribute } = requireAttribute(ctx);
	if (attribute.slug === 'name') throw new ApiError(400, 'the primary attribute "name" cannot be deleted');
	ctx.store.deleteAttribute(object, attribute);
	return emptyOk();
}

export const objectRoutes: RouteDef[] = [
	{ method: 'GET', path: '/v1/objects', scope: 'object.read', operationId: 'listObjects', handler: listObjects },
	{ method: 'POST', path: '/v1/objects', scope: 'object.write', operationId: 'createObjectDefinition', handler: createObject },
	{ method: 'GET', path: '/v1/objects/{slug}', scope: 'object.read', operationId: 'getObjectDefinition', handler: getObject },
	{ method: 'PATCH', path: '/v1/objects/{slug}', scope: 'object.write', operationId: 'updateObjectDefinition', handler: updateObject },
	{ method: 'DELETE', path: '/v1/objects/{slug}', scope: 'object.write', operationId: 'deleteObjectDefinition', handler: deleteObject },
	{
		method: 'POST',
		path: '/v1/objects/{slug}/attributes',
		scope: 'object.write',
		operationId: 'createAttributeDefinition',
		handler: createAttribute,
	},
	{
		method: 'PATCH',
		path: '/v1/objects/{slug}/attributes/{attr_id}',
		scope: 'object.write',
		operationId: 'updateAttributeDefinition',
		handler: updateAttribute,
	},
	{
		method: 'DELETE',
		path: '/v1/objects/{slug}/attributes/{attr_id}',
		scope: 'object.write',
		operationId: 'deleteAttributeDefinition',
		handler: deleteAttribute,
	},
];
