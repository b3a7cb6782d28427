import type { INodeProperties } from 'n8n-workflow';

import { resourceProperties } from '../../../shared/operation';
import { noteCreate } from './create.operation';
import { noteDelete } from './delete.operation';
import { noteGet } from './get.operation';
import { noteGetAll } from './getAll.operation';
import { noteUpdate } from './update.operation';

export { searchNotes } from './listSearch';

export const noteDescription: INodeProperties[] = resourceProperties('note', [noteCreate, noteDelete, noteGet, noteGetAll, noteUpdate], 'create');
