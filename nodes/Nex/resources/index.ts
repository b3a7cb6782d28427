import type { INodePropertyOptions } from 'n8n-workflow';

/** The resources of the Nex node, in the order the editor shows them. */
export const nexResources: INodePropertyOptions[] = [
	{ name: 'Object', value: 'object', description: 'Object types (schema) of the workspace' },
	{ name: 'Attribute', value: 'attribute', description: 'Attribute definitions of an object type' },
	{ name: 'Record', value: 'record', description: 'Records (people, companies, custom objects)' },
	{ name: 'List', value: 'list', description: 'Lists that group records of one object type' },
	{ name: 'List Entry', value: 'listEntry', description: 'Records in a list, with list-specific values' },
	{ name: 'Relationship Definition', value: 'relationshipDefinition', description: 'Kinds of links between object types' },
	{ name: 'Relationship', value: 'relationship', description: 'Links between two records' },
	{ name: 'Task', value: 'task', description: 'Actionable items linked to records' },
	{ name: 'Note', value: 'note', description: 'Free-form notes linked to records' },
	{ name: 'Timeline', value: 'timeline', description: 'Events on the timeline of a record' },
	{ name: 'Search', value: 'search', description: 'Full-text search across records' },
	{ name: 'Context', value: 'context', description: 'Ask the AI, add text to the context graph, read artifacts' },
	{ name: 'AI List', value: 'aiList', description: 'Lists built by the AI from a description' },
	{ name: 'Insight', value: 'insight', description: 'Insights extracted from the context graph' },
	{ name: 'Knowledge Graph', value: 'knowledgeGraph', description: 'Entities and their links' },
	{ name: 'Integration', value: 'integration', description: 'Connected data sources' },
	{ name: 'Compounding Job', value: 'compoundingJob', description: 'Background jobs that enrich the graph' },
	{ name: 'Notification', value: 'notification', description: 'Notification feed and preferences' },
	{ name: 'Notification Rule', value: 'notificationRule', description: 'Custom notification rules' },
];
