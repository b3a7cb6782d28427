import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { timelineGetAll } from './getAll.operation';

export const timelineDescription: INodeProperties[] = resourceProperties('timeline', [timelineGetAll], 'getAll');
