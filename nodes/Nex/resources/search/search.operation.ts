import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('search', 'search');

/** Nex's limit on the query length. */
export const SEARCH_MAX_QUERY_LENGTH = 500;

/**
 * One item per match, `{object_type, id, primary_value, matched_value, score, entity_definition_id}`,
 * in Nex's order (object type by object type), or the whole answer as one item. Nex answers with
 * partial results when some object types could not be searched (`errored_search_types`): every
 * match then names them, and no match at all is an error rather than an empty, misleading output.
 */
async function searchOutput(this: IExecuteSingleFunctions, items: IDataObject[]): Promise<IDataObject[]> {
	const answer = items[0] ?? {};
	if (this.getNodeParameter('output', 'results') === 'raw') return [answer];
	const grouped = (answer.results ?? {}) as Record<string, unknown>;
	const errored = Array.isArray(answer.errored_search_types) ? (answer.errored_search_types as string[]) : [];
	const matches: IDataObject[] = [];
	for (const [objectType, results] of Object.entries(grouped)) {
		if (!Array.isArray(results)) continue;
		for (const result of results as IDataObject[]) {
			matches.push({ object_type: objectType, ...result, ...(errored.length > 0 ? { errored_search_types: errored } : {}) });
		}
	}
	if (matches.length === 0 && errored.length > 0) {
		throw new NodeOperationError(this.getNode(), `Nex could not search ${errored.join(', ')}`, {
			description: 'No matches came back and the search failed for these object types; run the node again later.',
		});
	}
	return matches;
}

export const searchRecords: Operation = {
	option: {
		name: 'Search',
		value: 'search',
		action: 'Search all records by name or text',
		description: 'Full-text search across the records of every object type',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/search' },
			{
				scope: 'record.read',
				safeToRepeat: true,
				validate() {
					const query = String(this.getNodeParameter('query', '') ?? '');
					if (query.trim() === '') {
						throw new NodeOperationError(this.getNode(), 'Query is empty', { description: 'Enter the text to search for.' });
					}
					if (query.length > SEARCH_MAX_QUERY_LENGTH) {
						throw new NodeOperationError(this.getNode(), `Query is ${query.length} characters long`, {
							description: `Nex accepts search queries of 1 to ${SEARCH_MAX_QUERY_LENGTH} characters; shorten it.`,
						});
					}
				},
				transform: searchOutput,
			},
		),
	},
	properties: [
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. john doe',
			displayOptions: { show },
			description: 'Text to look for in record names and attribute values (1 to 500 characters)',
			routing: { send: { type: 'body', property: 'query' } },
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'results',
			displayOptions: { show },
			description: 'How to return the matches',
			options: [
				{
					name: 'One Item per Match',
					value: 'results',
					description: 'Each match as an item, with the slug of its object type in object_type',
				},
				{
					name: 'Raw Answer',
					value: 'raw',
					description: 'One item with the matches grouped by object type and any errored_search_types',
				},
			],
		},
	],
};
