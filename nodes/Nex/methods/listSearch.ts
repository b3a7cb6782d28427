import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { searchNotes } from '../resources/note/listSearch';
import { searchNotificationRules } from '../resources/notificationRule/listSearch';
import { searchTasks } from '../resources/task/listSearch';
import {
	currentValue,
	fetchListsOf,
	fetchObjectType,
	fetchObjectTypes,
	fetchRelationshipDefinitions,
	matchesFilter,
	searchRecordsByText,
} from './lookups';

/**
 * Searchable dropdowns (resource locators) filled from the live workspace. Tasks, notes and
 * notification rules keep their searches beside their resources; they are registered here.
 */

function label(item: IDataObject, fallback: string): string {
	return typeof item.name === 'string' && item.name !== '' ? item.name : fallback;
}

async function searchObjectTypes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const objects = await fetchObjectTypes(this);
	const results: INodeListSearchItems[] = objects
		.filter((object) => matchesFilter(filter, object.name, object.slug))
		.map((object) => ({ name: `${label(object, String(object.slug))} (${String(object.slug)})`, value: String(object.slug) }));
	return { results };
}

/** Same list, valued by the object definition's id (relationship definitions link ids, not slugs). */
async function searchObjectTypeIds(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const objects = await fetchObjectTypes(this);
	const results: INodeListSearchItems[] = objects
		.filter((object) => matchesFilter(filter, object.name, object.slug))
		.map((object) => ({ name: `${label(object, String(object.slug))} (${String(object.slug)})`, value: String(object.id) }));
	return { results };
}

/** Attributes of the chosen object type, valued by attribute id. */
async function searchAttributes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const slug = currentValue(this, 'objectType');
	if (slug === '') return { results: [] };
	const object = await fetchObjectType(this, slug);
	const attributes = (Array.isArray(object.attributes) ? object.attributes : []) as IDataObject[];
	const results: INodeListSearchItems[] = attributes
		.filter((attribute) => matchesFilter(filter, attribute.name, attribute.slug))
		.map((attribute) => ({
			name: `${label(attribute, String(attribute.slug))} (${String(attribute.slug)}, ${String(attribute.type)})`,
			value: String(attribute.id),
		}));
	return { results };
}

/**
 * Lists of every object type (Nex lists lists per object type): one request for the object
 * types, then one per object type.
 */
async function searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const objects = await fetchObjectTypes(this);
	const results: INodeListSearchItems[] = [];
	for (const object of objects) {
		const lists = await fetchListsOf(this, String(object.slug));
		for (const list of lists) {
			if (!matchesFilter(filter, list.name, list.slug, object.name)) continue;
			results.push({ name: `${label(list, String(list.slug))} (${label(object, String(object.slug))})`, value: String(list.id) });
		}
	}
	return { results };
}

async function searchRelationshipDefinitions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const [definitions, objects] = await Promise.all([fetchRelationshipDefinitions(this), fetchObjectTypes(this)]);
	const objectName = new Map(objects.map((object) => [String(object.id), label(object, String(object.slug))]));
	const results: INodeListSearchItems[] = [];
	for (const definition of definitions) {
		const first = objectName.get(String(definition.entity_definition_1_id)) ?? String(definition.entity_definition_1_id);
		const second = objectName.get(String(definition.entity_definition_2_id)) ?? String(definition.entity_definition_2_id);
		const predicate = typeof definition.entity_1_to_2_predicate === 'string' && definition.entity_1_to_2_predicate !== ''
			? definition.entity_1_to_2_predicate
			: '→';
		const name = `${first} ${predicate} ${second} (${String(definition.type)})`;
		if (matchesFilter(filter, name)) results.push({ name, value: String(definition.id) });
	}
	return { results };
}

/** Records found by Nex's full-text search (the search needs a text). */
async function searchRecords(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const query = (filter ?? '').trim();
	if (query === '') return { results: [] };
	const matches = await searchRecordsByText(this, query.slice(0, 500));
	return {
		results: matches.map((match) => ({
			name: `${String(match.primary_value ?? match.id)} (${String(match.object_type)})`,
			value: String(match.id),
		})),
	};
}

export const nexListSearch: Record<
	string,
	(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>
> = {
	searchAttributes,
	searchLists,
	searchNotes,
	searchNotificationRules,
	searchObjectTypeIds,
	searchObjectTypes,
	searchRecords,
	searchRelationshipDefinitions,
	searchTasks,
};
