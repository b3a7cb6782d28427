import { targetRouting } from '../../shared/pathTarget';
import { objectTypeLocator } from '../object/objectTypeLocator';
import { ATTRIBUTE_TARGET, attributeLocator } from './attributeFields';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('attribute', 'delete');

export const attributeDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an attribute and its values on every record permanently',
		description: 'Delete an attribute definition and its values on every record',
		routing: targetRouting(ATTRIBUTE_TARGET, 'DELETE', {
			scope: 'object.write',
			safeToRepeat: false,
			transform: deletedResult('deleted', { object_type: 'objectType', id: 'attributeId' }),
		}),
	},
	properties: [objectTypeLocator(show, 'The object type the attribute belongs to'), attributeLocator(show)],
};
