import { nexRouting } from '../../shared/transport';
import { DEFINITION_PATH_ID, relationshipDefinitionLocator } from './definitionLocator';
import { deletedResult } from '../../shared/deleted';
import { type Operation, showFor } from '../../../shared/operation';

export const relationshipDefinitionDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a relationship definition permanently',
		description: 'Delete a kind of link between object types',
		routing: nexRouting(
			{ method: 'DELETE', url: '/v1/relationships/{definitionId}' },
			{
				scope: 'relationship.write',
				notFound: 'relationship definition',
				safeToRepeat: false,
				pathIds: [DEFINITION_PATH_ID],
				transform: deletedResult('deleted', { id: 'definitionId' }),
			},
		),
	},
	properties: [relationshipDefinitionLocator(showFor('relationshipDefinition', 'delete'), { description: 'The relationship definition to delete' })],
};
