import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { nexApiRequest } from '../shared/transport';
import { parameterText } from '../../shared/parameters';
import { encodePathId } from '../../shared/pathIds';

/** The reads behind the dropdowns, through the node's transport (same auth, retries and errors). */

function dataOf(answer: unknown): IDataObject[] {
	const data = (answer as IDataObject | null)?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** A parameter's current value (a resource locator's value), trimmed; '' when unset. */
export function currentValue(context: ILoadOptionsFunctions, parameter: string): string {
	try {
		return parameterText(context, parameter);
	} catch {
		return '';
	}
}

export async function fetchObjectTypes(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return dataOf(await nexApiRequest.call(context, 'GET', '/v1/objects', { scope: 'object.read', safeToRepeat: true }));
}

export async function fetchObjectType(context: ILoadOptionsFunctions, slug: string): Promise<IDataObject> {
	return (await nexApiRequest.call(context, 'GET', `/v1/objects/${encodePathId(context.getNode(), slug, 'Object Type')}`, {
		scope: 'object.read',
		notFound: 'object type',
		safeToRepeat: true,
	})) as IDataObject;
}

export async function fetchListsOf(context: ILoadOptionsFunctions, slug: string): Promise<IDataObject[]> {
	return dataOf(
		await nexApiRequest.call(context, 'GET', `/v1/objects/${encodePathId(context.getNode(), slug, 'Object Type')}/lists`, {
			scope: 'list.read',
			notFound: 'object type',
			safeToRepeat: true,
		}),
	);
}

export async function fetchList(context: ILoadOptionsFunctions, listId: string): Promise<IDataObject> {
	return (await nexApiRequest.call(context, 'GET', `/v1/lists/${encodePathId(context.getNode(), listId, 'List')}`, {
		scope: 'list.read',
		notFound: 'list',
		safeToRepeat: true,
	})) as IDataObject;
}

export async function fetchRecord(context: ILoadOptionsFunctions, recordId: string): Promise<IDataObject> {
	return (await nexApiRequest.call(context, 'GET', `/v1/records/${encodePathId(context.getNode(), recordId, 'Record')}`, {
		scope: 'record.read',
		notFound: 'record',
		safeToRepeat: true,
	})) as IDataObject;
}

export async function fetchRelationshipDefinitions(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return dataOf(
		await nexApiRequest.call(context, 'GET', '/v1/relationships', { scope: 'relationship.read', safeToRepeat: true }),
	);
}

/** Matches of `POST /v1/search`, flattened, each with the slug of its object type. */
export async function searchRecordsByText(context: ILoadOptionsFunctions, query: string): Promise<IDataObject[]> {
	const answer = (await nexApiRequest.call(
		context,
		'POST',
		'/v1/search',
		{ scope: 'record.read', safeToRepeat: true },
		{ body: { query } },
	)) as IDataObject | null;
	const matches: IDataObject[] = [];
	for (const [objectType, results] of Object.entries((answer?.results ?? {}) as IDataObject)) {
		if (Array.isArray(results)) for (const result of results as IDataObject[]) matches.push({ ...result, object_type: objectType });
	}
	return matches;
}

/** Case-insensitive "contains" on any of the texts. */
export function matchesFilter(filter: string | undefined, ...texts: unknown[]): boolean {
	const wanted = (filter ?? '').trim().toLowerCase();
	if (wanted === '') return true;
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(wanted));
}
