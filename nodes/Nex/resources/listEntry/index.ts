import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { listEntryAdd } from './add.operation';
import { listEntryGetAll } from './getAll.operation';
import { listEntryRemove } from './remove.operation';
import { listEntryUpdate } from './update.operation';
import { listEntryUpsert } from './upsert.operation';

export const listEntryDescription: INodeProperties[] = resourceProperties('listEntry', [listEntryAdd, listEntryGetAll, listEntryRemove, listEntryUpdate, listEntryUpsert], 'getAll');
