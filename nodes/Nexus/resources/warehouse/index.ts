import { resourceProperties } from '../../../shared/operation';
import { createWarehouse } from './create.operation';
import { getAllWarehouses } from './getAll.operation';
import { updateWarehouse } from './update.operation';

export const warehouseDescription = resourceProperties('warehouse', [createWarehouse, getAllWarehouses, updateWarehouse], 'getAll');
