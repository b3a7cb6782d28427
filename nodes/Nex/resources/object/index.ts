import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { objectCreate } from './create.operation';
import { objectDelete } from './delete.operation';
import { objectGet } from './get.operation';
import { objectGetAll } from './getAll.operation';
import { objectUpdate } from './update.operation';

export const objectDescription: INodeProperties[] = resourceProperties('object', [objectCreate, objectDelete, objectGet, objectGetAll, objectUpdate], 'getAll');
