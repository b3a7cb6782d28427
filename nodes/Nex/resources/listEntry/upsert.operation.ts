import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH, LIST_PATH_ID, listLocator } from '../list/listLocator';
import { attributesBodyPreSend, attributesValidate } from '../record/recordBody';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { entryAttributeFields } from './entryFields';
import { assertIntegerIds } from '../../../shared/ids';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';
import { assertFilled } from '../../../shared/parameters';

const show = showFor('listEntry', 'upsert');

export const listEntryUpsert: Operation = {
	option: {
		name: 'Create or Update',
		value: 'upsert',
		action: 'Add a record to a list, or update its entry',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		routing: nexRouting(
			{ method: 'PUT', url: LIST_PATH },
			{
				scope: 'list.member.write',
				notFound: 'list or record',
				safeToRepeat: true,
				pathIds: [LIST_PATH_ID],
				validate: [function () {
					assertFilled(this, [RECORD_PATH_ID]);
					assertIntegerIds(this, [LIST_PATH_ID, RECORD_PATH_ID]);
				}, attributesValidate(false)],
				transform: simplifyWhenChosen(simplifyRecord),
			},
			{ preSend: [attributesBodyPreSend(false, { parent_id: 'recordId' })] },
		),
	},
	properties: [
		listLocator(show, 'The list to add the record to or update it in'),
		recordLocator(show, { description: 'The record; it must be of the object type the list holds' }),
		...entryAttributeFields(show, 'to set on the entry (optional)'),
		simplifyField(),
	],
};
