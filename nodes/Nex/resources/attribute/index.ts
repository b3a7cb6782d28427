import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { attributeCreate } from './create.operation';
import { attributeDelete } from './delete.operation';
import { attributeUpdate } from './update.operation';

export const attributeDescription: INodeProperties[] = resourceProperties('attribute', [attributeCreate, attributeDelete, attributeUpdate], 'create');
