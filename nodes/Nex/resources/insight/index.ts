import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { insightGetAll } from './getAll.operation';

export const insightDescription: INodeProperties[] = resourceProperties('insight', [insightGetAll], 'getAll');
