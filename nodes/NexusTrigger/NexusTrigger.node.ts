import type { INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NEXUS_CREDENTIAL_TYPE } from '../Nexus/shared/transport';
import { requestOptionsProperty } from '../Nexus/shared/requestOptions';
import { MEMORY_LIMIT } from './cursor';
import { pollNexus } from './poll';
import { TRIGGER_TIMEOUT_MS } from './timeout';
import { optionNamesLiteral } from '../shared/subtitle';

const ORDER_STATUSES = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Confirmed', value: 'confirmed' },
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Fulfilling', value: 'fulfilling' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Shipped', value: 'shipped' },
];

const ORDERS = { show: { source: ['orders'] } };

const properties: INodeProperties[] = [
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
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Recent Changes on Activation (Minutes)',
				name: 'lookbackMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'On first activation, emit what changed in this many minutes before activation (by the Nexus server clock). 0: emit nothing on activation, only changes made afterwards.',
			},
			{
				displayName: 'Include Line Items',
				name: 'includeLineItems',
				type: 'boolean',
				default: true,
				description:
					'Whether to add the order lines (order_items) to each order, read with one request per 100 orders',
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
		],
	},
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

const SOURCE_PROPERTY = properties.find((property) => property.name === 'source');
const EVENTS_PROPERTY = properties.find((property) => property.name === 'events');

export class NexusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexus Trigger',
		name: 'nexusTrigger',
		icon: { light: 'file:nexus.svg', dark: 'file:nexus.dark.svg' },
		group: ['trigger'],
		version: 1,
		// Display names on the canvas ("Order Shipped"), not the values ("orderShipped").
		subtitle: `={{ $parameter["source"] === "orders" ? ($parameter["events"] || []).map((event) => (${optionNamesLiteral(EVENTS_PROPERTY)})[event] || event).join(", ") : (${optionNamesLiteral(SOURCE_PROPERTY)})[$parameter["source"]] || $parameter["source"] }}`,
		// Shown by n8n's node panel for the "Nexus" entry (node and trigger together): it speaks of Nexus as a whole.
		description: 'Nexus, the operations platform for shops: contacts, orders and fulfilment, conversations, inventory, shipments and calls',
		defaults: { name: 'Nexus Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: NEXUS_CREDENTIAL_TYPE, required: true }],
		properties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNexus.call(this);
	}
}
