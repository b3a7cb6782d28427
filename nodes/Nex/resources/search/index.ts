import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { searchRecords } from './search.operation';

export const searchDescription: INodeProperties[] = resourceDescription('search', [searchRecords], 'search');
