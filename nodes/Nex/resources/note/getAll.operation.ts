import { filtersCollection } from '../../shared/filters';
import { nexRouting } from '../../shared/transport';
import { NOTE_SCOPE_READ, NOTES_CAP } from './fields';
import { checkIntegerId } from '../../../shared/ids';
import { returnAllAndLimit, type Operation } from '../../../shared/operation';
import { optionalParameter } from '../../../shared/parameters';

export const noteGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List notes, newest first (at most 200)',
		description: `List notes, newest first, optionally for one record. Nex returns at most the ${NOTES_CAP} newest notes and has no paging.`,
		routing: nexRouting(
			{ method: 'GET', url: '/v1/notes' },
			{
				scope: NOTE_SCOPE_READ,
				safeToRepeat: true,
				items: 'data',
				validate() {
					const entityId = optionalParameter(this, 'filters.entityId');
					if (entityId !== undefined) checkIntegerId(this, entityId, 'Record ID');
				},
				// One request answers everything Nex gives (at most 200); the Limit is applied to the answer.
				limit: { max: NOTES_CAP },
			},
		),
	},
	properties: [
		...returnAllAndLimit({
			max: NOTES_CAP,
			limitHint: `Nex returns at most the ${NOTES_CAP} newest notes and has no paging, so even Return All gives no more than ${NOTES_CAP}`,
		}),
		filtersCollection([
			{
				displayName: 'Record ID',
				name: 'entityId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 32710180831586561',
				description: 'Only notes linked to this record, given by its numeric ID (digits only; it may exceed 2^53, so pass it as text)',
				routing: { send: { type: 'query', property: 'entity_id' } },
			},
		]),
	],
};
