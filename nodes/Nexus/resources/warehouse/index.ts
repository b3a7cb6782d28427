import { resourceProperties } from '../../../shared/operation';
import { getAllWarehouses } from './getAll.operation';

export const warehouseDescription = resourceProperties('warehouse', [getAllWarehouses], 'getAll');
