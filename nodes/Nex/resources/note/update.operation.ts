import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { NOTE_PATH, NOTE_SCOPE_WRITE, noteBodyFields, noteIdLocator } from './fields';
import { checkIntegerId } from '../../../shared/ids';
import { invalidInput } from '../../../shared/parameters';

export const noteUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a note by its numeric ID',
		description: 'Change the title, content or linked record of a note; fields not given stay as they are',
		routing: nexRouting(
			{ method: 'PATCH', url: NOTE_PATH },
			{
				scope: NOTE_SCOPE_WRITE,
				safeToRepeat: true,
				notFound: 'note',
				pathIds: [{ parameter: 'noteId', label: 'Note' }],
				validate(this: IExecuteSingleFunctions) {
					const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
					if (Object.keys(fields).length === 0) {
						throw invalidInput(this, 'Update Fields is empty', 'Add at least one field to change under "Update Fields".');
					}
					if (fields.title !== undefined && String(fields.title).trim() === '') {
						throw invalidInput(this, 'Title is empty', 'A note title cannot be empty: enter a new title or remove the field.');
					}
					if (fields.entityId !== undefined) checkIntegerId(this, fields.entityId, 'Record ID');
				},
			},
		),
	},
	properties: [
		noteIdLocator,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				...noteBodyFields({
					content: 'New body text',
					entityId: 'The record the note should be linked to instead: its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
				}),
				{
					displayName: 'Title',
					name: 'title',
					type: 'string',
					default: '',
					description: 'New title (cannot be empty)',
					routing: { send: { type: 'body', property: 'title' } },
				},
			],
		},
	],
};
