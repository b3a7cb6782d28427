import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { knowledgeGraphGet } from './get.operation';

export const knowledgeGraphDescription: INodeProperties[] = resourceProperties('knowledgeGraph', [knowledgeGraphGet], 'get');
