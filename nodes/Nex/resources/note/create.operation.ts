import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { NOTE_SCOPE_WRITE, noteBodyFields } from './fields';
import { checkIntegerId } from '../../../shared/ids';
import { optionalParameter, requireText } from '../../../shared/parameters';
import { additionalFieldsCollection } from '../../../shared/collections';
import { requiredBodyText } from '../../../shared/bodyFields';

export const noteCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a note, optionally about a record',
		description: 'Create a note, optionally linked to a record',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/notes' },
			{
				scope: NOTE_SCOPE_WRITE,
				safeToRepeat: false,
				validate(this: IExecuteSingleFunctions) {
					requireText(this, 'title', 'Title');
					const entityId = optionalParameter(this, 'additionalFields.entityId');
					if (entityId !== undefined) checkIntegerId(this, entityId, 'Record ID');
				},
			},
		),
	},
	properties: [
		requiredBodyText('Title', 'title', { placeholder: 'e.g. Meeting notes', description: 'Title of the note' }),
		additionalFieldsCollection(noteBodyFields({
			content: 'Body text of the note',
			entityId: 'The record (person, company...) the note is about: its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		})),
	],
};
