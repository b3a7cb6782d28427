import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { relationshipDefinitionCreate } from './create.operation';
import { relationshipDefinitionDelete } from './delete.operation';
import { relationshipDefinitionGetAll } from './getAll.operation';

export const relationshipDefinitionDescription: INodeProperties[] = resourceDescription(
	'relationshipDefinition',
	[relationshipDefinitionCreate, relationshipDefinitionDelete, relationshipDefinitionGetAll],
	'getAll',
);
