import { resourceProperties } from '../../../shared/operation';
import { checkItemStock } from './checkItem.operation';
import { getAllStock } from './getAll.operation';
import { getLowStock } from './getLowStock.operation';

export const stockDescription = resourceProperties('stock', [checkItemStock, getAllStock, getLowStock], 'getAll');
