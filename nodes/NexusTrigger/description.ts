import type { INodeProperties } from 'n8n-workflow';

import { ORDER_STATUSES } from '../Nexus/shared/fields';
import { requestOptionsProperty } from '../Nexus/shared/requestOptions';
import { DEFAULT_CALL_OVERLAP_MINUTES } from './calls';
import { MEMORY_LIMIT } from './cursor';
import { DEFAULT_MESSAGE_WINDOW_HOURS } from './messageStatus';
import { AWB_STATUSES } from './shipments';
import { TRIGGER_TIMEOUT_MS } from './timeout';
import { optionsCollection } from '../shared/collections';

/** Parameters of the Nexus Trigger (read and checked in parameters.ts). */

const ORDERS = { show: { source: ['orders'] } };

/** `picked_up` → "Picked Up". */
const AWB_STATUS_OPTIONS = AWB_STATUSES.map((value) => ({
	name: value.replace(/(^|_)([a-z])/g, (_match, sep: string, letter: string) => `${sep ? ' ' : ''}${letter.toUpperCase()}`),
	value,
}));

export const nexusTriggerProperties: INodeProperties[] = [
	{
		// "Trigger On": the node panel lists one trigger per choice (its `action`).
		displayName: 'Trigger On',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'orders',
		description: 'What in Nexus starts the workflow',
		options: [
			{
				name: 'Calls',
				value: 'calls',
				action: 'On new call',
				description: 'A call was logged (missed calls, or every call), also when the PBX log arrives late',
			},
			{
				name: 'Inbound Messages',
				value: 'inboundMessages',
				action: 'On new inbound message',
				description: 'A customer sent a message (WhatsApp, Facebook, Instagram); the item includes its chat',
			},
			{
				name: 'Low Stock',
				value: 'lowStock',
				action: 'On low stock',
				description: 'A stock balance dropped below a threshold of available quantity; the item includes the product',
			},
			{
				name: 'New Contacts',
				value: 'newContacts',
				action: 'On new contact',
				description: 'A contact (customer) was created',
			},
			{
				name: 'Orders',
				value: 'orders',
				action: 'On order change',
				description: 'Orders were created, changed status, shipped, were delivered or cancelled',
			},
			{
				name: 'Outbound Message Status',
				value: 'messageStatus',
				action: 'On outbound message failed or read',
				description: 'A message sent to a customer failed or was read; the item includes its chat',
			},
			{
				name: 'Shipments',
				value: 'shipments',
				action: 'On shipment status change',
				description: 'A shipment (AWB) changed status, was delivered, returned or failed; the item includes its order',
			},
			{
				name: 'Updated Contacts',
				value: 'updatedContacts',
				action: 'On contact updated',
				description: 'A contact (customer) was changed; the item names the changed fields',
			},
		],
	},
	{
		displayName: 'Threshold',
		name: 'threshold',
		type: 'number',
		default: 10,
		required: true,
		description:
			'Fire when a stock balance changes and its available quantity (quantity minus reserved) is below this number, having not been below it before',
		displayOptions: { show: { source: ['lowStock'] } },
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		displayOptions: ORDERS,
		default: ['orderStatusChanged'],
		description: 'Which order changes start the workflow. Each matching change gives one item per event.',
		options: [
			{
				name: 'Any Order Change',
				value: 'orderUpdated',
				description: 'Every created or updated order, once per change',
			},
			{
				name: 'Order Cancelled',
				value: 'orderCancelled',
				description: 'An existing order changed to the cancelled status',
			},
			{
				name: 'Order Created',
				value: 'orderCreated',
				description: 'A new order was created',
			},
			{
				name: 'Order Delivered',
				value: 'orderDelivered',
				description: 'An existing order changed to the delivered status',
			},
			{
				name: 'Order Shipped',
				value: 'orderShipped',
				description: 'An existing order changed to the shipped status; the item includes its AWB (number, courier)',
			},
			{
				name: 'Order Status Changed',
				value: 'orderStatusChanged',
				description: 'An existing order changed status (optionally only from or to given statuses)',
			},
		],
	},
	{
		displayName: 'From Status',
		name: 'fromStatuses',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUSES,
		description:
			'Only status changes away from these statuses (none selected: any). Other status names can be given with an expression, e.g. a comma-separated list.',
		displayOptions: { show: { source: ['orders'], events: ['orderStatusChanged'] } },
	},
	{
		displayName: 'To Status',
		name: 'toStatuses',
		type: 'multiOptions',
		default: [],
		options: ORDER_STATUSES,
		description:
			'Only status changes to these statuses (none selected: any). Other status names can be given with an expression, e.g. a comma-separated list.',
		displayOptions: { show: { source: ['orders'], events: ['orderStatusChanged'] } },
	},
	{
		displayName: 'Shipment Events',
		name: 'shipmentEvents',
		type: 'multiOptions',
		required: true,
		displayOptions: { show: { source: ['shipments'] } },
		default: ['shipmentStatusChanged'],
		description: 'Which shipment moves start the workflow. Each matching move gives one item per event.',
		options: [
			{ name: 'Shipment Delivered', value: 'shipmentDelivered', description: 'The courier delivered the shipment' },
			{ name: 'Shipment Failed', value: 'shipmentFailed', description: 'The delivery failed' },
			{ name: 'Shipment Returned', value: 'shipmentReturned', description: 'The shipment was returned' },
			{
				name: 'Shipment Status Changed',
				value: 'shipmentStatusChanged',
				description: 'Every status the courier reports (optionally only some)',
			},
		],
	},
	{
		displayName: 'To Status',
		name: 'shipmentStatuses',
		type: 'multiOptions',
		default: [],
		options: AWB_STATUS_OPTIONS,
		description:
			'Only moves to these statuses (none selected: any). Other status names can be given with an expression, e.g. a comma-separated list.',
		displayOptions: { show: { source: ['shipments'], shipmentEvents: ['shipmentStatusChanged'] } },
	},
	{
		displayName: 'Calls',
		name: 'callEvent',
		type: 'options',
		default: 'missedCall',
		displayOptions: { show: { source: ['calls'] } },
		options: [
			{ name: 'Missed Call', value: 'missedCall', description: 'A call logged with the status missed' },
			{ name: 'Any New Call', value: 'anyCall', description: 'Every call logged, whatever its status' },
		],
	},
	{
		displayName: 'Late Call Look-Back (Minutes)',
		name: 'overlapMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_CALL_OVERLAP_MINUTES,
		displayOptions: { show: { source: ['calls'] } },
		description: `The PBX may log a call later than its call date. Each poll reads again the calls dated this many minutes before the newest one read, and emits those it has not emitted (it remembers the last ${MEMORY_LIMIT}). A call logged later than this is not seen.`,
	},
	{
		displayName: 'Message Statuses',
		name: 'messageStatuses',
		type: 'multiOptions',
		required: true,
		default: ['failed'],
		displayOptions: { show: { source: ['messageStatus'] } },
		options: [
			{ name: 'Failed', value: 'failed', description: 'The platform could not deliver the message' },
			{ name: 'Read', value: 'read', description: 'The customer read the message' },
		],
		description: 'Which statuses of outbound messages start the workflow, once per message and status',
	},
	{
		displayName: 'Status Window (Hours)',
		name: 'windowHours',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_MESSAGE_WINDOW_HOURS,
		displayOptions: { show: { source: ['messageStatus'] } },
		description: `Messages have no change time, so each poll reads again the outbound messages sent in this many hours before it (by the Nexus server clock). A status change of a message older than this is not seen. Up to ${MEMORY_LIMIT} messages are remembered.`,
	},
	optionsCollection([
		{
			displayName: 'Emit Recent Changes on Activation (Minutes)',
			name: 'lookbackMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'On first activation, emit what changed in this many minutes before activation (by the Nexus server clock). 0: emit nothing on activation, only changes made afterwards.',
			displayOptions: { show: { '/source': ['orders', 'inboundMessages', 'newContacts', 'updatedContacts', 'lowStock', 'shipments', 'calls'] } },
		},
		{
			displayName: 'Include Line Items',
			name: 'includeLineItems',
			type: 'boolean',
			default: true,
			description:
				'Whether to add the order lines (order_items) to each order, embedded in the same request as the orders',
			displayOptions: { show: { '/source': ['orders'] } },
		},
		{
			displayName: 'When the Previous Status Is Unknown',
			name: 'unknownPreviousStatus',
			type: 'options',
			default: 'emit',
			displayOptions: { show: { '/source': ['orders'] } },
			description: `The trigger remembers the last status of the ${MEMORY_LIMIT} most recently changed orders. For an older order it does not know the status before the change.`,
			options: [
				{
					name: 'Emit as a Status Change',
					value: 'emit',
					description:
						'Fire the status events for its current status, with previousStatus null: no status change is missed, an unrelated edit of an old order may fire once',
				},
				{
					name: 'Skip',
					value: 'skip',
					description: 'Fire no status event for it this time; later changes are compared with the status seen now',
				},
			],
		},
	]),
	{
		...requestOptionsProperty,
		options: (requestOptionsProperty.options ?? []).map((option) =>
			option.name === 'timeout'
				? {
						...option,
						default: TRIGGER_TIMEOUT_MS,
						description: `Milliseconds to wait for an answer before giving up on a request (it is then retried within the poll). Without this option: ${TRIGGER_TIMEOUT_MS / 1000} seconds.`,
					}
				: option,
		),
	},
];
