import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { aiListCreate } from './create.operation';
import { aiListGet } from './get.operation';

export const aiListDescription: INodeProperties[] = resourceProperties('aiList', [aiListCreate, aiListGet], 'create');
