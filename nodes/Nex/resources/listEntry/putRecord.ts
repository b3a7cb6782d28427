import { simplifyRecord, simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { LIST_PATH_ID, listLocatorFor } from '../list/listLocator';
import { attributesBodyPreSend, attributesValidate } from '../record/recordBody';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { entryAttributeFields } from './entryFields';
import { type Operation, showFor, simplifyField } from '../../../shared/operation';

/**
 * Add and Create or Update send the same request to the list (POST adds, PUT adds or updates):
 * the record as `parent_id` and the entry's own values.
 */
export function putRecordInList(options: {
	option: Omit<Operation['option'], 'routing'>;
	method: 'POST' | 'PUT';
	safeToRepeat: boolean;
	listDescription: string;
	recordDescription: string;
}): Operation {
	const show = showFor('listEntry', options.option.value);
	return {
		option: {
			...options.option,
			routing: nexRouting(
				{ method: options.method, url: '/v1/lists/{listId}' },
				{
					scope: 'list.member.write',
					notFound: 'list or record',
					safeToRepeat: options.safeToRepeat,
					// The record goes in the body; its id is checked like the list's.
					pathIds: [LIST_PATH_ID, RECORD_PATH_ID],
					validate: attributesValidate(false),
					transform: simplifyWhenChosen(simplifyRecord),
				},
				{ preSend: [attributesBodyPreSend(false, { parent_id: 'recordId' })] },
			),
		},
		properties: [
			listLocatorFor(options.listDescription),
			recordLocator(show, { description: options.recordDescription }),
			...entryAttributeFields(show, 'to set on the entry (optional)'),
			simplifyField(),
		],
	};
}
