import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { NEXUS_CREDENTIAL_TYPE } from '../Nexus/shared/transport';
import { nexusTriggerProperties } from './description';
import { pollNexus } from './poll';
import { triggerNodeBasics } from '../shared/nodeDescription';
import { optionNamesLiteral } from '../shared/subtitle';

const SOURCE_PROPERTY = nexusTriggerProperties.find((property) => property.name === 'source');
const EVENTS_PROPERTY = nexusTriggerProperties.find((property) => property.name === 'events');
const SHIPMENT_EVENTS_PROPERTY = nexusTriggerProperties.find((property) => property.name === 'shipmentEvents');

/**
 * Parameters: `description.ts`, read in `parameters.ts`; what each source watches: `sources.ts`;
 * one poll: `poll.ts`; what is kept between polls: `cursor.ts`.
 */
export class NexusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexus Trigger',
		name: 'nexusTrigger',
		icon: { light: 'file:nexus.svg', dark: 'file:nexus.dark.svg' },
		group: ['trigger'],
		...triggerNodeBasics(NEXUS_CREDENTIAL_TYPE, 'polling'),
		// Display names on the canvas ("Order Shipped"), not the values ("orderShipped").
		subtitle: `={{ $parameter["source"] === "orders" ? ($parameter["events"] || []).map((event) => (${optionNamesLiteral(EVENTS_PROPERTY)})[event] || event).join(", ") : $parameter["source"] === "shipments" ? ($parameter["shipmentEvents"] || []).map((event) => (${optionNamesLiteral(SHIPMENT_EVENTS_PROPERTY)})[event] || event).join(", ") : (${optionNamesLiteral(SOURCE_PROPERTY)})[$parameter["source"]] || $parameter["source"] }}`,
		// Shown by n8n's node panel for the "Nexus" entry (node and trigger together): it speaks of Nexus as a whole.
		description: 'Nexus, the operations platform for shops: contacts, orders and fulfilment, conversations, inventory, shipments and calls',
		defaults: { name: 'Nexus Trigger' },
		properties: nexusTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNexus.call(this);
	}
}
