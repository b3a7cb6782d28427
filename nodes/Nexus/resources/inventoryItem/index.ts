import { resourceProperties } from '../../../shared/operation';
import { createItem } from './create.operation';
import { deleteItem } from './delete.operation';
import { getItem } from './get.operation';
import { getAllItems } from './getAll.operation';
import { updateItem } from './update.operation';

export const inventoryItemDescription = resourceProperties('inventoryItem', [createItem, deleteItem, getItem, getAllItems, updateItem], 'getAll');
