import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NEXUS_CREDENTIAL_TYPE } from '../Nexus/shared/transport';
import { nexusTriggerProperties } from './description';
import { pollNexus } from './poll';

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
		version: 1,
		subtitle:
			'={{$parameter["source"] === "orders" ? ($parameter["events"] || []).join(", ") : $parameter["source"] === "shipments" ? ($parameter["shipmentEvents"] || []).join(", ") : $parameter["source"]}}',
		description:
			'Starts the workflow when Nexus orders or shipments change, on missed calls, inbound messages, failed or read outbound messages, new or updated contacts, or low stock',
		defaults: { name: 'Nexus Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: NEXUS_CREDENTIAL_TYPE, required: true }],
		properties: nexusTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollNexus.call(this);
	}
}
