import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { taskCreate } from './create.operation';
import { taskDelete } from './delete.operation';
import { taskGet } from './get.operation';
import { taskGetAll } from './getAll.operation';
import { taskUpdate } from './update.operation';

export { searchTasks } from './listSearch';

export const taskDescription: INodeProperties[] = resourceProperties('task', [taskCreate, taskDelete, taskGet, taskGetAll, taskUpdate], 'create');
