import { nexRouting } from '../../shared/transport';
import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { ATTRIBUTE_PATH, ATTRIBUTE_PATH_ID, attributeLocator } from './attributeFields';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('attribute', 'delete');

export const attributeDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an attribute and its values on every record permanently',
		description: 'Delete an attribute definition and its values on every record',
		routing: nexRouting(
			{ method: 'DELETE', url: ATTRIBUTE_PATH },
			{
				scope: 'object.write',
				notFound: 'object type or attribute',
				safeToRepeat: false,
				pathIds: [OBJECT_TYPE_PATH_ID, ATTRIBUTE_PATH_ID],
				transform: deletedResult('deleted', { object_type: 'objectType', id: 'attributeId' }),
			},
		),
	},
	properties: [objectTypeLocator(show, 'The object type the attribute belongs to'), attributeLocator(show)],
};
