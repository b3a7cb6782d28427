import type { INodeProperties } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';

const showOnlyForObjects = { resource: ['object'] };

export const objectDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForObjects },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many object types',
				description: 'List the object types (schema) of the workspace, with their attributes',
				routing: nexRouting(
					{ method: 'GET', url: '/v1/objects' },
					{ scope: 'object.read', safeToRepeat: true, items: 'data' },
				),
			},
		],
		default: 'getAll',
	},
];
