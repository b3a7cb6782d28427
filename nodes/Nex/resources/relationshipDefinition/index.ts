import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { relationshipDefinitionCreate } from './create.operation';
import { relationshipDefinitionDelete } from './delete.operation';
import { relationshipDefinitionGetAll } from './getAll.operation';

export const relationshipDefinitionDescription: INodeProperties[] = resourceProperties('relationshipDefinition', [relationshipDefinitionCreate, relationshipDefinitionDelete, relationshipDefinitionGetAll], 'getAll');
