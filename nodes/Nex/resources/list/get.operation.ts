import { nexRouting } from '../../shared/transport';
import { listLocator } from './listLocator';
import type { Operation } from '../../../shared/operation';
import { integerPathId } from '../../../shared/pathPlaceholders';

export const listGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a list by its numeric ID',
		description: 'Get one list with its own attribute definitions',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/lists/{listId}' },
			{ scope: 'list.read', notFound: 'list', safeToRepeat: true, pathIds: [integerPathId('listId', 'List')] },
		),
	},
	properties: [listLocator],
};
