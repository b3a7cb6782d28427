import type { IDataObject } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';
import { orderIdLocator, ORDER_ID } from '../order/fields';
import { pickupDateProperty, readPickupDate } from './fields';
import { optionsCollection } from '../../../shared/collections';

export const createShipment: Operation = {
	option: {
		name: 'Create Shipment',
		value: 'createShipment',
		action: 'Book a Bosta shipment for an order (marks it shipped)',
		description: 'Create a Bosta AWB (shipping label) for a fulfilling order (create-awb-bosta); the order becomes shipped',
		routing: functionRouting('create-awb-bosta', {
			what: 'order',
			writes: true,
			safeToRepeat: false,
			body() {
				const body: IDataObject = { order_id: readUuid(this, ORDER_ID.parameter, ORDER_ID.label) };
				const options = this.getNodeParameter('options', {}) as IDataObject;
				const pickupDate = readPickupDate(this, options.pickupDate);
				if (pickupDate) body.pickup_date = pickupDate;
				return body;
			},
		}),
	},
	properties: [
		recordLocator(orderIdLocator),
		optionsCollection([pickupDateProperty]),
	],
};
