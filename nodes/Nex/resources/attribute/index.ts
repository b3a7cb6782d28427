import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { attributeCreate } from './create.operation';
import { attributeDelete } from './delete.operation';
import { attributeUpdate } from './update.operation';

export const attributeDescription: INodeProperties[] = resourceDescription(
	'attribute',
	[attributeCreate, attributeDelete, attributeUpdate],
	'create',
);
