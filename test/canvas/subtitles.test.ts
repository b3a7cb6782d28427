/**
 * Node subtitles on the canvas speak the editor's language ("Context: Add Text"), not the
 * parameters' internal values. Evaluated by n8n's own expression engine, as the editor does.
 */
import { Workflow, type INode, type INodeParameters, type INodeType, type INodeTypes } from 'n8n-workflow';

import { Nex } from '../../nodes/Nex/Nex.node';
import { Nexus } from '../../nodes/Nexus/Nexus.node';
import { NexusTrigger } from '../../nodes/NexusTrigger/NexusTrigger.node';

function subtitleOf(nodeType: INodeType, parameters: INodeParameters): unknown {
	const { description } = nodeType;
	const node: INode = {
		id: 'subtitle-node',
		name: description.defaults.name ?? description.displayName,
		type: `n8n-nodes-nex.${description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, description.subtitle ?? '', 'internal', {});
}

test.each([
	[{ resource: 'context', operation: 'addText' }, 'Context: Add Text'],
	[{ resource: 'record', operation: 'getAll' }, 'Record: Get Many'],
	[{ resource: 'listEntry', operation: 'add' }, 'List Entry: Add'],
])('Nex %j reads "%s"', (parameters, expected) => {
	expect(subtitleOf(new Nex(), parameters)).toBe(expected);
});

test.each([
	[{ resource: 'orderFulfillment', operation: 'shipOrder' }, 'Order Fulfillment: Ship Order'],
	[{ resource: 'send', operation: 'whatsappTemplate' }, 'Send: Send WhatsApp Template'],
	[{ resource: 'contact', operation: 'get' }, 'Contact: Get'],
])('Nexus %j reads "%s"', (parameters, expected) => {
	expect(subtitleOf(new Nexus(), parameters)).toBe(expected);
});

test.each([
	[{ source: 'orders', events: ['orderShipped'] }, 'Order Shipped'],
	[{ source: 'orders', events: ['orderCreated', 'orderDelivered'] }, 'Order Created, Order Delivered'],
	[{ source: 'lowStock' }, 'Low Stock'],
	[{ source: 'newContacts' }, 'New Contacts'],
])('Nexus Trigger %j reads "%s"', (parameters, expected) => {
	expect(subtitleOf(new NexusTrigger(), parameters)).toBe(expected);
});

test('every Nex and Nexus operation has a subtitle of display names, none of internal values', () => {
	for (const nodeType of [new Nex(), new Nexus()]) {
		const resource = nodeType.description.properties.find((property) => property.name === 'resource');
		for (const option of (resource?.options ?? []) as Array<{ name: string; value: string }>) {
			const operations = nodeType.description.properties.filter(
				(property) => property.name === 'operation' && (property.displayOptions?.show?.resource ?? []).includes(option.value),
			);
			for (const operation of operations.flatMap((property) => (property.options ?? []) as Array<{ name: string; value: string }>)) {
				expect(subtitleOf(nodeType, { resource: option.value, operation: operation.value })).toBe(`${option.name}: ${operation.name}`);
			}
		}
	}
});
