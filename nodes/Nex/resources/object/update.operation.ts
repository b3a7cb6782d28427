import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nexRouting } from '../../shared/transport';
import { OBJECT_PATH, OBJECT_TYPE_PATH_ID, objectTypeLocator } from './objectTypeLocator';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('object', 'update');

export const objectUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Rename or describe an object type',
		description: 'Change the name, plural name or description of an object type',
		routing: nexRouting(
			{ method: 'PATCH', url: OBJECT_PATH },
			{
				scope: 'object.write',
				notFound: 'object type',
				safeToRepeat: true,
				pathIds: [OBJECT_TYPE_PATH_ID],
				validate() {
					const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
					if (Object.keys(fields).length === 0) {
						throw new NodeOperationError(this.getNode(), 'Update Fields is empty', {
							description: 'Add at least one field to change (Name, Plural Name or Description).',
						});
					}
				},
			},
		),
	},
	properties: [
		objectTypeLocator(show),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show },
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'New description',
					routing: { send: { type: 'body', property: 'description' } },
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'New display name (singular)',
					routing: { send: { type: 'body', property: 'name' } },
				},
				{
					displayName: 'Plural Name',
					name: 'namePlural',
					type: 'string',
					default: '',
					description: 'New display name for several records',
					routing: { send: { type: 'body', property: 'name_plural' } },
				},
			],
		},
	],
};
