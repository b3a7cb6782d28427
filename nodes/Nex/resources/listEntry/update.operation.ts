import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { targetRouting } from '../../shared/pathTarget';
import { listLocatorFor } from '../list/listLocator';
import { attributesBodyPreSend, attributesValidate } from '../record/recordBody';
import { recordLocator } from '../record/recordLocator';
import { entryAttributeFields, LIST_ENTRY_TARGET } from './entryFields';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

const show = showFor('listEntry', 'update');

export const listEntryUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update the list-specific values of a list entry',
		description: 'Change the list-specific values of a record in a list',
		routing: targetRouting(
			LIST_ENTRY_TARGET,
			'PATCH',
			{
				scope: 'list.member.write',
				safeToRepeat: true,
				validate: attributesValidate(true),
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(true)] },
		),
	},
	properties: [
		listLocatorFor('The list the record is in'),
		recordLocator(show, { description: 'The record in the list: its record ID or the list entry ID, both numeric (digits only; pass them as text)' }),
		...entryAttributeFields(show, 'to change'),
		simplifyField(),
	],
};
