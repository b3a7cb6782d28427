import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { currentValue, fetchList, fetchObjectType, fetchRecord } from './lookups';

/** Dropdowns filled from the live workspace. Attribute dropdowns are valued by slug (the keys of record attributes). */

function attributeOptions(definition: IDataObject): INodePropertyOptions[] {
	const attributes = (Array.isArray(definition.attributes) ? definition.attributes : []) as IDataObject[];
	return attributes
		.map((attribute) => ({
			name: typeof attribute.name === 'string' && attribute.name !== '' ? attribute.name : String(attribute.slug),
			value: String(attribute.slug),
			description: `${String(attribute.slug)} (${String(attribute.type)})`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Attributes of the chosen object type. */
async function getAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const slug = currentValue(this, 'objectType');
	if (slug === '') return [];
	return attributeOptions(await fetchObjectType(this, slug));
}

/** Attributes of the chosen record's object type (the record says which type it is). */
async function getRecordAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const recordId = currentValue(this, 'recordId');
	if (!/^\d+$/.test(recordId)) return [];
	const record = await fetchRecord(this, recordId);
	if (typeof record.type !== 'string' || record.type === '') return [];
	return attributeOptions(await fetchObjectType(this, record.type));
}

/** The chosen list's own attributes (its list-specific fields). */
async function getListAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const listId = currentValue(this, 'listId');
	if (!/^\d+$/.test(listId)) return [];
	return attributeOptions(await fetchList(this, listId));
}

export const nexLoadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {
	getAttributes,
	getListAttributes,
	getRecordAttributes,
};
