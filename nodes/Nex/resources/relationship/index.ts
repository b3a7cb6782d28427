import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../object/common';
import { relationshipCreate } from './create.operation';
import { relationshipDelete } from './delete.operation';

export const relationshipDescription: INodeProperties[] = resourceDescription(
	'relationship',
	[relationshipCreate, relationshipDelete],
	'create',
);
