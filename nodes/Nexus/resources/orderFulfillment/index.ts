import { resourceProperties } from '../../../shared/operation';
import { completePick } from './completePick.operation';
import { createShipment } from './createShipment.operation';
import { shipOrder } from './shipOrder.operation';
import { startPicking } from './startPicking.operation';

export const orderFulfillmentDescription = resourceProperties(
	'orderFulfillment',
	[completePick, createShipment, shipOrder, startPicking],
	'shipOrder',
);
