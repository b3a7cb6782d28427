import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { quoteValue } from '../shared/quote';
import { isOrderEvent, statusList, type EventSelection, type UnknownPreviousStatus } from './events';
import { callSource, DEFAULT_CALL_OVERLAP_MINUTES } from './calls';
import { contactUpdateSource } from './contactUpdates';
import { listEntries } from './listEntries';
import { DEFAULT_MESSAGE_WINDOW_HOURS, messageStatusSource } from './messageStatus';
import { isShipmentEvent, shipmentSource, SHIPMENT_EVENTS } from './shipments';
import { inboundMessageSource, lowStockSource, newContactSource, orderSource } from './sources';
import type { WatchedSource } from './watchedSource';

/** The Nexus Trigger's parameters, read and checked before any request: a bad value names its field. */

function readSelection(context: IPollFunctions, options: IDataObject): EventSelection {
	const node = context.getNode();
	const raw = context.getNodeParameter('events', []) as unknown;
	const names = listEntries(raw).map((name) => String(name).trim());
	const unknown = names.filter((name) => name !== '' && !isOrderEvent(name));
	if (unknown.length) {
		throw new NodeOperationError(node, `Events: ${unknown.map((name) => quoteValue(name)).join(', ')} is not an event this trigger knows`, {
			description:
				'Use orderCreated, orderStatusChanged, orderShipped, orderDelivered, orderCancelled or orderUpdated.',
		});
	}
	const events = [...new Set(names.filter(isOrderEvent))];
	if (!events.length) {
		throw new NodeOperationError(node, 'Events: select at least one event', {
			description: 'Choose which order changes start the workflow, e.g. Order Shipped.',
		});
	}
	const statusChanged = events.includes('orderStatusChanged');
	const policy = options.unknownPreviousStatus ?? 'emit';
	if (policy !== 'emit' && policy !== 'skip') {
		throw new NodeOperationError(node, `When the Previous Status Is Unknown: ${quoteValue(String(policy))} is not an option`, {
			description: 'Use "emit" or "skip".',
		});
	}
	return {
		events,
		fromStatuses: statusChanged ? statusList(context.getNodeParameter('fromStatuses', [])) : [],
		toStatuses: statusChanged ? statusList(context.getNodeParameter('toStatuses', [])) : [],
		unknownPreviousStatus: policy as UnknownPreviousStatus,
	};
}

/** A list from a multi-select or an expression (array or comma-separated text), trimmed. */
function namesOf(raw: unknown): string[] {
	return [...new Set(listEntries(raw).map((name) => String(name).trim()).filter((name) => name !== ''))];
}

function readPositive(context: IPollFunctions, name: string, label: string, fallback: number, unit: string): number {
	const value = context.getNodeParameter(name, fallback) as unknown;
	if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
		throw new NodeOperationError(context.getNode(), `${label}: ${quoteValue(String(value))} is not a positive number of ${unit}`, {
			description: `Enter a number of ${unit} above 0, e.g. ${fallback}.`,
		});
	}
	return value;
}

function readShipmentSource(context: IPollFunctions): WatchedSource {
	const names = namesOf(context.getNodeParameter('shipmentEvents', ['shipmentStatusChanged']));
	const unknown = names.filter((name) => !isShipmentEvent(name));
	if (unknown.length) {
		throw new NodeOperationError(context.getNode(), `Shipment Events: ${unknown.map((name) => quoteValue(name)).join(', ')} is not an event this trigger knows`, {
			description: `Use ${SHIPMENT_EVENTS.join(', ')}.`,
		});
	}
	if (!names.length) {
		throw new NodeOperationError(context.getNode(), 'Shipment Events: select at least one event', {
			description: 'Choose which shipment moves start the workflow, e.g. Shipment Failed.',
		});
	}
	const events = names.filter(isShipmentEvent);
	const toStatuses = events.includes('shipmentStatusChanged') ? statusList(context.getNodeParameter('shipmentStatuses', [])) : [];
	return shipmentSource(events, toStatuses);
}

function readMessageStatusSource(context: IPollFunctions): WatchedSource {
	const statuses = statusList(context.getNodeParameter('messageStatuses', ['failed']));
	if (!statuses.length) {
		throw new NodeOperationError(context.getNode(), 'Message Statuses: select at least one status', {
			description: 'Choose Failed, Read or both.',
		});
	}
	return messageStatusSource(statuses, readPositive(context, 'windowHours', 'Status Window (Hours)', DEFAULT_MESSAGE_WINDOW_HOURS, 'hours'));
}

function readCallSource(context: IPollFunctions): WatchedSource {
	const event = context.getNodeParameter('callEvent', 'missedCall') as unknown;
	if (event !== 'missedCall' && event !== 'anyCall') {
		throw new NodeOperationError(context.getNode(), `Calls: ${quoteValue(String(event))} is not an option`, {
			description: 'Use "missedCall" or "anyCall".',
		});
	}
	return callSource(event, readPositive(context, 'overlapMinutes', 'Late Call Look-Back (Minutes)', DEFAULT_CALL_OVERLAP_MINUTES, 'minutes'));
}

/** The watched source from the node's parameters; bad input stops here, before any request. */
export function readSource(context: IPollFunctions, options: IDataObject): WatchedSource {
	const source = context.getNodeParameter('source', 'orders') as string;
	switch (source) {
		case 'orders':
			return orderSource(readSelection(context, options), options.includeLineItems !== false);
		case 'inboundMessages':
			return inboundMessageSource();
		case 'newContacts':
			return newContactSource();
		case 'updatedContacts':
			return contactUpdateSource();
		case 'shipments':
			return readShipmentSource(context);
		case 'calls':
			return readCallSource(context);
		case 'messageStatus':
			return readMessageStatusSource(context);
		case 'lowStock': {
			const threshold = context.getNodeParameter('threshold', 10) as unknown;
			if (typeof threshold !== 'number' || !Number.isFinite(threshold)) {
				throw new NodeOperationError(context.getNode(), `Threshold: ${quoteValue(String(threshold))} is not a number`, {
					description: 'Enter the available quantity below which a stock row fires, e.g. 10.',
				});
			}
			return lowStockSource(threshold);
		}
		default:
			throw new NodeOperationError(context.getNode(), `Watch: ${quoteValue(source)} is not a source this trigger knows`, {
				description: 'Choose Orders, Shipments, Calls, Inbound Messages, Outbound Message Status, New Contacts, Updated Contacts or Low Stock.',
			});
	}
}

export function readLookbackMinutes(context: IPollFunctions, options: IDataObject): number {
	const lookback = options.lookbackMinutes ?? 0;
	if (typeof lookback !== 'number' || !Number.isFinite(lookback) || lookback < 0) {
		throw new NodeOperationError(context.getNode(), `Emit Recent Changes on Activation: ${quoteValue(String(lookback))} is not a number of minutes`, {
			description: 'Enter 0 (emit nothing on activation) or a positive number of minutes.',
		});
	}
	return lookback;
}
