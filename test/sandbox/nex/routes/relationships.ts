import { ApiError, emptyOk, ok } from '../http';
import { parseId } from '../ids';
import { presentRelationship, presentRelationshipDef } from '../present';
import type { Ctx, RouteDef } from '../router';
import { rfc3339 } from '../time';
import type { RelationshipDef, RelationshipInstance, RelationshipType } from '../types';
import { optEnum, optString, reqString } from '../validate';
import { requireRecord } from './records';

/** Relationship definitions (between object types) and instances (between records). */

function createDefinition(ctx: Ctx) {
	const body = ctx.body();
	const type = optEnum<RelationshipType>(body, 'type', ['one_to_one', 'one_to_many', 'many_to_many']);
	if (!type) throw new ApiError(400, 'type is required');
	const ids = (['entity_definition_1_id', 'entity_definition_2_id'] as const).map((field) => {
		const raw = reqString(body, field);
		const id = parseId(raw, field);
		if (!ctx.store.objects.has(id.toString())) throw new ApiError(400, `${field}: object definition ${raw} not found`);
		return id;
	});
	const def: RelationshipDef = {
		id: ctx.store.ids.next(),
		type,
		definition1Id: ids[0],
		definition2Id: ids[1],
		predicate12: optString(body, 'entity_1_to_2_predicate'),
		predicate21: optString(body, 'entity_2_to_1_predicate'),
		createdAt: rfc3339(ctx.now),
	};
	ctx.store.relationshipDefs.set(def.id.toString(), def);
	return ok(presentRelationshipDef(def));
}

function listDefinitions(ctx: Ctx) {
	return ok({ data: [...ctx.store.relationshipDefs.values()].map(presentRelationshipDef) });
}

function deleteDefinition(ctx: Ctx) {
	const id = parseId(ctx.params.id, 'relationship definition ID');
	const def = ctx.store.relationshipDefs.get(id.toString());
	if (!def) throw new ApiError(404, `relationship definition not found: ${ctx.params.id}`);
	ctx.store.deleteRelationshipDef(def);
	return emptyOk();
}

function createInstance(ctx: Ctx) {
	const record = requireRecord(ctx.store, ctx.params.record_id);
	const body = ctx.body();
	const definitionRaw = reqString(body, 'definition_id');
	const def = ctx.store.relationshipDefs.get(parseId(definitionRaw, 'definition_id').toString());
	if (!def) throw new ApiError(404, `relationship definition not found: ${definitionRaw}`);
	const [e1, e2] = (['entity_1_id', 'entity_2_id'] as const).map((field) => {
		const raw = reqString(body, field);
		const r = ctx.store.records.get(parseId(raw, field).toString());
		if (!r) throw new ApiError(404, `record not found: ${raw}`);
		return r;
	});
	if (e1.id !== record.id && e2.id !== record.id) {
		throw new ApiError(400, `record ${record.id} must be entity_1_id or entity_2_id`);
	}
	if (e1.objectId !== def.definition1Id || e2.objectId !== def.definition2Id) {
		throw new ApiError(400, 'entity_1_id and entity_2_id must be records of the definition\'s first and second object types');
	}
	const existing = [...ctx.store.relationships.values()].filter((r) => r.definitionId === def.id);
	if (existing.some((r) => r.entity1Id === e1.id && r.entity2Id === e2.id)) {
		throw new ApiError(400, 'these records are already related by this definition');
	}
	if (def.type !== 'many_to_many' && existing.some((r) => r.entity2Id === e2.id)) {
		throw new ApiError(400, `${def.type}: record ${e2.id} already has a related record on the first side`);
	}
	if (def.type === 'one_to_one' && existing.some((r) => r.entity1Id === e1.id)) {
		throw new ApiError(400, `one_to_one: record ${e1.id} already has a related record on the second side`);
	}
	const rel: RelationshipInstance = {
		id: ctx.store.ids.next(),
		definitionId: def.id,
		entity1Id: e1.id,
		entity2Id: e2.id,
		createdAt: rfc3339(ctx.now),
	};
	ctx.store.relationships.set(rel.id.toString(), rel);
	return ok(presentRelationship(rel));
}

function deleteInstance(ctx: Ctx) {
	const record = requireRecord(ctx.store, ctx.params.record_id);
	const id = parseId(ctx.params.rel_id, 'relationship ID');
	const rel = ctx.store.relationships.get(id.toString());
	if (!rel || (rel.entity1Id !== record.id && rel.entity2Id !== record.id)) {
		throw new ApiError(404, `relationship not found: ${ctx.params.rel_id}`);
	}
	ctx.store.relationships.delete(rel.id.toString());
	return emptyOk();
}

export const relationshipRoutes: RouteDef[] = [
	{
		method: 'POST',
		path: '/v1/relationships',
		scope: 'relationship.write',
		operationId: 'createRelationshipDefinition',
		handler: createDefinition,
	},
	{
		method: 'GET',
		path: '/v1/relationships',
		scope: 'relationship.read',
		operationId: 'listRelationshipDefinitions',
		handler: listDefinitions,
	},
	{
		method: 'DELETE',
		path: '/v1/relationships/{id}',
		scope: 'relationship.write',
		operationId: 'deleteRelationshipDefinition',
		handler: deleteDefinition,
	},
	{
		method: 'POST',
		path: '/v1/records/{record_id}/relationships',
		scope: 'relationship.write',
		operationId: 'createRelationshipInstance',
		handler: createInstance,
	},
	{
		method: 'DELETE',
		path: '/v1/records/{record_id}/relationships/{rel_id}',
		scope: 'relationship.write',
		operationId: 'deleteRelationshipInstance',
		handler: deleteInstance,
	},
];
