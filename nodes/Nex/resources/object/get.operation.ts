import { nexRouting } from '../../shared/transport';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from './objectTypeLocator';
import { type Operation, showFor } from '../../../shared/operation';

export const objectGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an object type with its attributes',
		description: 'Get one object type (schema) with all its attribute definitions',
		routing: nexRouting(
			{ method: 'GET', url: OBJECT_PATH },
			{ scope: 'object.read', notFound: 'object type', safeToRepeat: true, pathIds: [OBJECT_TYPE_PATH_ID] }
		),
	},
	properties: [objectTypeLocator(showFor('object', 'get'))],
};
