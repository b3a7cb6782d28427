import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from './common';
import { objectCreate } from './create.operation';
import { objectDelete } from './delete.operation';
import { objectGet } from './get.operation';
import { objectGetAll } from './getAll.operation';
import { objectUpdate } from './update.operation';

export const objectDescription: INodeProperties[] = resourceDescription(
	'object',
	[objectCreate, objectDelete, objectGet, objectGetAll, objectUpdate],
	'getAll',
);
