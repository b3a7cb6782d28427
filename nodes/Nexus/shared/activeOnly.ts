import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import type { QueryPairs } from './postgrest';

/** "Active Only" of a listing over a table with `is_active`: on by default. */
export function activeOnlyProperty(what: string): INodeProperties {
	return {
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: true,
		description: `Whether to return only active ${what} (is_active = true)`,
	};
}

/** `is_active=eq.true` while Active Only is on. */
export function activeOnlyFilter(this: IExecuteSingleFunctions): QueryPairs {
	return this.getNodeParameter('activeOnly', true) ? [['is_active', 'eq.true']] : [];
}
