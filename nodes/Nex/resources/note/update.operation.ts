import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { itemRouting, readTitledUpdate, updatedTitleField } from '../../shared/listedItem';
import { noteBodyFields, noteItem } from './fields';
import { checkIntegerId } from '../../../shared/ids';
import { updateFieldsCollection } from '../../../shared/collections';

export const noteUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a note by its numeric ID',
		description: 'Change the title, content or linked record of a note; fields not given stay as they are',
		routing: itemRouting(noteItem, 'PATCH', {
			validate(this: IExecuteSingleFunctions) {
				const fields = readTitledUpdate(this, noteItem);
				if (fields.entityId !== undefined) checkIntegerId(this, fields.entityId, 'Record ID');
			},
		}),
	},
	properties: [
		noteItem.locator,
		updateFieldsCollection([
			...noteBodyFields({
				content: 'New body text',
				entityId: 'The record the note should be linked to instead: its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
			}),
			updatedTitleField,
		]),
	],
};
