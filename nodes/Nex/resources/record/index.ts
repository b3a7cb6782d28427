import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { recordCreate } from './create.operation';
import { recordDelete } from './delete.operation';
import { recordGet } from './get.operation';
import { recordGetAll } from './getAll.operation';
import { recordUpdate } from './update.operation';
import { recordUpsert } from './upsert.operation';

export const recordDescription: INodeProperties[] = resourceProperties('record', [recordCreate, recordDelete, recordGet, recordGetAll, recordUpdate, recordUpsert], 'get');
