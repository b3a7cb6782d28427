import { resourceProperties } from '../../../shared/operation';
import { createTableRows } from './create.operation';
import { deleteTableRows } from './delete.operation';
import { getAllTableRows } from './getAll.operation';
import { updateTableRows } from './update.operation';

export const tableDescription = resourceProperties('table', [createTableRows, deleteTableRows, getAllTableRows, updateTableRows], 'getAll');
