import { resourceProperties } from '../../../shared/operation';
import { createOrder } from './create.operation';
import { deleteOrder } from './delete.operation';
import { getOrder } from './get.operation';
import { getAllOrders } from './getAll.operation';
import { updateOrder } from './update.operation';
import { updateOrderStatus } from './updateStatus.operation';

export const orderDescription = resourceProperties(
	'order',
	[createOrder, deleteOrder, getOrder, getAllOrders, updateOrder, updateOrderStatus],
	'getAll',
);
