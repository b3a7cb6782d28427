import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { listEntryAdd } from './add.operation';
import { listEntryGetAll } from './getAll.operation';
import { listEntryRemove } from './remove.operation';
import { listEntryUpdate } from './update.operation';
import { listEntryUpsert } from './upsert.operation';

export const listEntryDescription: INodeProperties[] = resourceDescription(
	'listEntry',
	[listEntryAdd, listEntryUpsert, listEntryGetAll, listEntryRemove, listEntryUpdate],
	'getAll',
);
