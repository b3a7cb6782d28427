import type { INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

/** An operation of a resource: its entry in the Operation dropdown and its parameters. */
export interface NexusOperation {
	option: INodePropertyOptions & { value: string; action: string; routing: INodePropertyRouting };
	properties: INodeProperties[];
}

/** The Operation dropdown of a resource and every operation's parameters, shown for that resource and operation only. */
export function resourceProperties(resource: string, operations: NexusOperation[], defaultOperation: string): INodeProperties[] {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const properties = operations.flatMap((operation) =>
		operation.properties.map((property) => ({
			...property,
			displayOptions: {
				...(property.displayOptions ?? {}),
				show: {
					...(property.displayOptions?.show ?? {}),
					resource: [resource],
					operation: [operation.option.value],
				},
			},
		})),
	);
	return [selector, ...properties];
}
