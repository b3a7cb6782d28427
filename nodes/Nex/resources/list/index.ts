import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { listCreate } from './create.operation';
import { listDelete } from './delete.operation';
import { listGet } from './get.operation';
import { listGetAll } from './getAll.operation';

export const listDescription: INodeProperties[] = resourceDescription(
	'list',
	[listCreate, listDelete, listGet, listGetAll],
	'getAll',
);
