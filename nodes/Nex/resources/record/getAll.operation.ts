import { OBJECT_TYPE_PATH_ID, objectTypeLocator } from '../object/objectTypeLocator';
import { recordListingRouting } from './listing';
import { listingOptionsField } from './recordBody';
import { type Operation, returnAllAndLimit, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('record', 'getAll');

export const recordGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the records of an object type',
		description: 'List the records of an object type, optionally sorted and with chosen attributes',
		routing: recordListingRouting('/v1/objects/{objectType}/records', { scope: 'record.read', notFound: 'object type', pathId: OBJECT_TYPE_PATH_ID }),
	},
	properties: [
		objectTypeLocator(show, 'The object type whose records to list, e.g. person or company'),
		...returnAllAndLimit(),
		simplifyField(),
		listingOptionsField(show, { loadOptionsMethod: 'getAttributes', loadOptionsDependsOn: ['objectType.value'] }),
	],
};
