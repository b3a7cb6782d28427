import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { recordCreate } from './create.operation';
import { recordDelete } from './delete.operation';
import { recordGet } from './get.operation';
import { recordGetAll } from './getAll.operation';
import { recordUpdate } from './update.operation';
import { recordUpsert } from './upsert.operation';

export const recordDescription: INodeProperties[] = resourceDescription(
	'record',
	[recordCreate, recordUpsert, recordDelete, recordGet, recordGetAll, recordUpdate],
	'get',
);
