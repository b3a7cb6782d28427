import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { agentToolDescription } from './resources/agentTool';
import { callDescription } from './resources/call';
import { callLogDescription } from './resources/callLog';
import { contactDescription } from './resources/contact';
import { conversationDescription } from './resources/conversation';
import { conversationIntelligenceDescription } from './resources/conversationIntelligence';
import { inventoryItemDescription } from './resources/inventoryItem';
import { messageDescription } from './resources/message';
import { orderDescription } from './resources/order';
import { orderLineItemDescription } from './resources/orderLineItem';
import { orderFulfillmentDescription } from './resources/orderFulfillment';
import { organizationDescription } from './resources/organization';
import { sendDescription } from './resources/send';
import { shipmentDescription } from './resources/shipment';
import { rpcFunctionDescription } from './resources/rpcFunction';
import { socialAccountDescription } from './resources/socialAccount';
import { teamChatDescription } from './resources/teamChat';
import { searchDescription } from './resources/search';
import { socialPostDescription } from './resources/socialPost';
import { stockDescription } from './resources/stock';
import { tableDescription } from './resources/table';
import { warehouseDescription } from './resources/warehouse';
import { nexusResources } from './resources';
import { nexusListSearch } from './methods/listSearch';
import { nexusLoadOptions } from './methods/loadOptions';
import { mcpLoadOptions, mcpResourceMapping } from './shared/mcpLoadOptions';
import { requestOptionsProperty } from './shared/requestOptions';
import { NEXUS_CREDENTIAL_TYPE, nexusRequestDefaults } from './shared/transport';
import { registerParameterLabels } from '../shared/exactIds';
import { actionNodeBasics, resourceSelector } from '../shared/nodeDescription';
import { resourceOperationSubtitle } from '../shared/subtitle';

export class Nexus implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexus',
		name: 'nexus',
		icon: { light: 'file:nexus.svg', dark: 'file:nexus.dark.svg' },
		group: ['transform'],
		...actionNodeBasics(NEXUS_CREDENTIAL_TYPE),
		// "Context: Add Text" on the canvas; the constructor fills in the names from the options below.
		subtitle: '={{$parameter["operation"]}}',
		description: 'Run a shop on Nexus: contacts, orders and fulfilment, conversations and messaging, inventory, shipments and calls',
		defaults: { name: 'Nexus' },
		usableAsTool: true,
		requestDefaults: nexusRequestDefaults,
		properties: [
			resourceSelector(nexusResources, 'order'),
			...contactDescription,
			...orderDescription,
			...orderLineItemDescription,
			...orderFulfillmentDescription,
			...conversationDescription,
			...messageDescription,
			...sendDescription,
			...inventoryItemDescription,
			...stockDescription,
			...warehouseDescription,
			...shipmentDescription,
			...callLogDescription,
			...callDescription,
			...organizationDescription,
			...tableDescription,
			...rpcFunctionDescription,
			...agentToolDescription,
			...socialPostDescription,
			...socialAccountDescription,
			...conversationIntelligenceDescription,
			...teamChatDescription,
			...searchDescription,
			requestOptionsProperty,
		],
	};

	constructor() {
		this.description.subtitle = resourceOperationSubtitle(this.description.properties);
		registerParameterLabels(this.description.name, this.description.properties);
	}

	methods = { listSearch: nexusListSearch, loadOptions: { ...nexusLoadOptions, ...mcpLoadOptions }, resourceMapping: mcpResourceMapping };
}
