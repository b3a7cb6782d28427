import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';

import type { ParameterContext } from './context';
import { checkWholeNumber } from './numbers';

/**
 * The one shape of an operation, for both nodes: its entry in the Operation dropdown (with its
 * routing) and its parameters. A resource's index lists its operations; `resourceProperties`
 * does the rest.
 */
export interface Operation {
	option: INodePropertyOptions & { value: string; action: string; routing: INodePropertyRouting };
	properties: INodeProperties[];
}

/** `displayOptions.show` of a parameter. */
export type Show = NonNullable<IDisplayOptions['show']>;

/** `displayOptions.show` for one operation (or several) of one resource. */
export function showFor(resource: string, operation: string | string[]): { resource: string[]; operation: string[] } {
	return { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] };
}

/**
 * The Operation dropdown of a resource (sorted by name, as n8n's editor lists them) and every
 * operation's parameters, each shown for that resource and operation only.
 */
export function resourceProperties(resource: string, operations: Operation[], defaultOperation: string): INodeProperties[] {
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
				show: { ...(property.displayOptions?.show ?? {}), ...showFor(resource, operation.option.value) },
			},
		})),
	);
	return [selector, ...properties];
}

// ---- Return All / Limit ------------------------------------------------------------------------

export interface LimitOptions {
	/** The most the API answers: Limit may not exceed it, and Return All gets no more. */
	max?: number;
	/** The query field the API reads the limit from (a listing answered in one request). */
	sendAs?: string;
	/** Shown under Return All (what "all" means for this listing). */
	returnAllHint?: string;
	/** Shown under Limit; default "At most <max>" when there is a max. */
	limitHint?: string;
}

/** n8n's usual "Return All" + "Limit" pair; `readLimit` checks the Limit the same way. */
export function returnAllAndLimit(options: LimitOptions = {}): INodeProperties[] {
	const { max, sendAs } = options;
	const limitHint = options.limitHint ?? (max !== undefined && sendAs !== undefined ? `At most ${max}` : undefined);
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			...(options.returnAllHint ? { hint: options.returnAllHint } : {}),
			...(sendAs !== undefined && max !== undefined ? { routing: { send: { preSend: [askForMaximum(sendAs, max)] } } } : {}),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(max === undefined ? {} : { maxValue: max }) },
			default: 50,
			description: 'Max number of results to return',
			...(limitHint ? { hint: limitHint } : {}),
			displayOptions: { show: { returnAll: [false] } },
			...(sendAs !== undefined ? { routing: { send: { type: 'query' as const, property: sendAs } } } : {}),
		},
	];
}

/** With Return All on, a listing answered in one request asks for as many as the API gives. */
function askForMaximum(property: string, max: number) {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		if (this.getNodeParameter('returnAll', false) as boolean) {
			requestOptions.qs = { ...(requestOptions.qs ?? {}), [property]: max };
		}
		return requestOptions;
	};
}

/**
 * `undefined` when Return All is on, else the Limit parameter: a whole number from 1 to `max`
 * (the API's maximum), or an error naming Limit.
 */
export function readLimit(context: ParameterContext, max?: number): number | undefined {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	if (returnAll) return undefined;
	return checkWholeNumber(context.getNode(), context.getNodeParameter('limit', 50), 'Limit', 1, max);
}

// ---- Simplify ------------------------------------------------------------------------------------

/** A top-level boolean `simplify` parameter, on by default as in n8n's own nodes. */
export function simplifyField(description?: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: description ?? 'Whether to return a simplified version of the response instead of the raw data',
	};
}

/** Whether the operation's `simplify` parameter is on (false when the operation has none). */
export function isSimplifyChosen(context: Pick<ParameterContext, 'getNodeParameter'>): boolean {
	try {
		return context.getNodeParameter('simplify', false) === true;
	} catch {
		return false;
	}
}
