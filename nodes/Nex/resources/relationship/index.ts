import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { relationshipCreate } from './create.operation';
import { relationshipDelete } from './delete.operation';

export const relationshipDescription: INodeProperties[] = resourceProperties('relationship', [relationshipCreate, relationshipDelete], 'create');
