import { resourceProperties } from '../../shared/rows';
import { getAllWarehouses } from './getAll.operation';

export const warehouseDescription = resourceProperties('warehouse', [getAllWarehouses], 'getAll');
