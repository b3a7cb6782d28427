import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { searchRecords } from './search.operation';

export const searchDescription: INodeProperties[] = resourceProperties('search', [searchRecords], 'search');
