import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { simplifyGraph } from './simplify';
import { checkWholeNumber } from '../../../shared/numbers';
import { isSimplifyChosen, simplifyField } from '../../../shared/operation';

export const GRAPH_MAX_NODES = 5000;

const routing = nexRouting(
	{ method: 'GET', url: '/v1/graph' },
	{
		scope: 'record.read',
		safeToRepeat: true,
		// The transport hands a non-JSON answer (the HTML page) over as text.
		items: (answer: unknown) => (typeof answer === 'string' ? { html: answer } : answer),
		validate(this: IExecuteSingleFunctions) {
			checkWholeNumber(this.getNode(), this.getNodeParameter('maxNodes', 1000), 'Max Nodes', 1, GRAPH_MAX_NODES);
		},
		async transform(items) {
			const format = this.getNodeParameter('format', 'json') as string;
			if (format !== 'json' || !isSimplifyChosen(this)) return items;
			return items.map(simplifyGraph);
		},
	},
);

export const knowledgeGraphGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get the knowledge graph of records and their links',
		description:
			'Get the workspace knowledge graph: records as nodes (most recent first), their relationships, and the links the AI found in ingested context',
		routing,
	},
	properties: [
		{
			displayName: 'Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'HTML Visualization', value: 'html', description: 'An interactive page, returned as text in the "html" field' },
				{ name: 'JSON', value: 'json', description: 'Nodes and edges as data' },
			],
			default: 'json',
			description: 'Whether to get the graph as data or as an HTML page that draws it',
			routing: { send: { type: 'query', property: 'format' } },
		},
		{
			displayName: 'Max Nodes',
			name: 'maxNodes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: GRAPH_MAX_NODES },
			default: 1000,
			description: `How many record nodes to include, most recently created first (1–${GRAPH_MAX_NODES}); the totals still count the whole workspace`,
			routing: { send: { type: 'query', property: 'limit' } },
		},
		{ ...simplifyField(), displayOptions: { show: { format: ['json'] } } },
	],
};
