import { resourceProperties } from '../../../shared/operation';
import { getAllShipments } from './getAll.operation';
import { getShipmentByAwbNumber } from './getByAwbNumber.operation';
import { getShipmentStatusHistory } from './getStatusHistory.operation';

export const shipmentDescription = resourceProperties(
	'shipment',
	[getAllShipments, getShipmentByAwbNumber, getShipmentStatusHistory],
	'getByAwbNumber',
);
