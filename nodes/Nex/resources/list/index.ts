import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { listCreate } from './create.operation';
import { listDelete } from './delete.operation';
import { listGet } from './get.operation';
import { listGetAll } from './getAll.operation';

export const listDescription: INodeProperties[] = resourceProperties('list', [listCreate, listDelete, listGet, listGetAll], 'getAll');
