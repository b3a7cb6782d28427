import { nexRouting } from '../../shared/transport';
import { RECORD_PATH_ID, recordLocator } from '../record/recordLocator';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

const show = showFor('relationship', 'delete');
const RELATIONSHIP_PATH_ID = { parameter: 'relationshipId', label: 'Relationship ID' };

export const relationshipDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a link between two records permanently',
		description: 'Remove a link between two records; the records are kept',
		routing: nexRouting(
			{ method: 'DELETE', url: '/v1/records/{recordId}/relationships/{relationshipId}' },
			{
				scope: 'relationship.write',
				notFound: 'record or relationship',
				safeToRepeat: false,
				pathIds: [RECORD_PATH_ID, RELATIONSHIP_PATH_ID],
				transform: deletedResult('deleted', { record_id: 'recordId', id: 'relationshipId' }),
			},
		),
	},
	properties: [
		recordLocator(show, { description: 'One of the two linked records' }),
		{
			displayName: 'Relationship ID',
			name: 'relationshipId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 32710180831586633',
			displayOptions: { show },
			description: 'ID of the link, as returned when it was created',
		},
	],
};
