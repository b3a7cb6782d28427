import type { INodePropertyOptions } from 'n8n-workflow';

/** The resources of the Nexus node, in the order the editor shows them. */
export const nexusResources: INodePropertyOptions[] = [
	{ name: 'Agent Tool', value: 'agentTool', description: "Any tool of Nexus's MCP server, listed live from the server" },
	{ name: 'Call', value: 'call', description: 'Place an outbound call through the PBX' },
	{ name: 'Call Log', value: 'callLog', description: 'Logged phone calls (call_logs)' },
	{ name: 'Contact', value: 'contact', description: 'Customers with their phone numbers, emails and tags (customers)' },
	{ name: 'Conversation', value: 'conversation', description: 'WhatsApp, Facebook and Instagram chats (chats)' },
	{ name: 'Conversation Intelligence', value: 'conversationIntelligence', description: 'Message annotations, tag taxonomy, prompts and dashboards (through the MCP server)' },
	{ name: 'Function', value: 'rpcFunction', description: 'Database functions (RPC), e.g. the conversation intelligence dashboards' },
	{ name: 'Inventory Item', value: 'inventoryItem', description: 'Products and stock-keeping items (items)' },
	{ name: 'Message', value: 'message', description: 'Messages of a conversation (messages)' },
	{ name: 'Order', value: 'order', description: 'Orders with their line items (orders, order_items)' },
	{ name: 'Order Fulfillment', value: 'orderFulfillment', description: 'Picking, shipping labels and the whole order-to-ship flow' },
	{ name: 'Order Line Item', value: 'orderLineItem', description: 'Add, change or remove line items of an existing order (order_items)' },
	{ name: 'Organization', value: 'organization', description: 'Plan usage and member invitations' },
	{ name: 'Search', value: 'search', description: 'Contacts, orders, inventory and conversations at once (through the MCP server)' },
	{ name: 'Send', value: 'send', description: 'Send WhatsApp, Facebook or Instagram messages' },
	{ name: 'Shipment', value: 'shipment', description: 'Shipping labels (AWBs) and their tracking history (awbs)' },
	{ name: 'Social Account', value: 'socialAccount', description: 'Connected Facebook and Instagram accounts (through the MCP server)' },
	{ name: 'Social Post', value: 'socialPost', description: 'Social posts: list, get, publish, delete, sync, analytics, content calendar (through the MCP server)' },
	{ name: 'Stock', value: 'stock', description: 'Stock balances per item and warehouse (stock_balances)' },
	{ name: 'Table', value: 'table', description: 'Rows of any table by name, for what the other resources do not cover' },
	{ name: 'Team Chat', value: 'teamChat', description: "The team's internal chat, as the agent: conversations, DMs, messages (through the MCP server)" },
	{ name: 'Warehouse', value: 'warehouse', description: 'Warehouses (warehouses)' },
];
