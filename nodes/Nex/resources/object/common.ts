import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { quoteValue } from '../../../shared/quote';

/**
 * Building blocks shared by the schema and record resources (object, attribute, record, list,
 * list entry, relationship, search): operation assembly, path ids, input checks, Return All /
 * Limit, and the output of delete operations.
 */

/** `displayOptions.show` of a parameter. */
export type Show = NonNullable<IDisplayOptions['show']>;

/** One operation: its entry in the Operation dropdown (with routing) and its parameters. */
export interface NexOperation {
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

/** Operation dropdown (sorted by name, as n8n's editor lists them) followed by every operation's fields. */
export function resourceDescription(
	resource: string,
	operations: NexOperation[],
	defaultOperation: string,
): INodeProperties[] {
	const options = operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource] } },
			options,
			default: defaultOperation,
		},
		...operations.flatMap((operation) => operation.fields),
	];
}

/** `displayOptions.show` for one operation of one resource. */
export function showFor(resource: string, operation: string | string[]): { resource: string[]; operation: string[] } {
	return { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] };
}

// ---- path ids --------------------------------------------------------------------------------

/** A parameter's value as text: resource locators give their value; numbers from expressions become digits. */
export function parameterText(context: Pick<IExecuteSingleFunctions, 'getNodeParameter'>, parameter: string): string {
	const raw = context.getNodeParameter(parameter, '', { extractValue: true }) as unknown;
	if (raw === undefined || raw === null) return '';
	return String(raw).trim();
}

/**
 * preSend: fills `{parameterName}` placeholders in the operation's url with the parameters'
 * values, trimmed and URL-encoded. It runs before the executor, whose `pathIds` check then
 * rejects empty values and values containing '/' before anything is sent.
 */
export const fillPathParameters: PreSendAction = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	options.url = options.url.replace(/\{(\w+)\}/g, (_match, parameter: string) =>
		encodeURIComponent(parameterText(this, parameter)),
	);
	return options;
};

/** Ids the API types as integers (record, list): digits only, so a name or URL never reaches the path. */
export function assertIntegerIds(context: IExecuteSingleFunctions, ids: Array<{ parameter: string; label: string }>): void {
	for (const { parameter, label } of ids) {
		const value = parameterText(context, parameter);
		if (value !== '' && !/^\d{1,20}$/.test(value)) {
			throw new NodeOperationError(context.getNode(), `${label} ${quoteValue(value)} is not a valid id`, {
				description: `${label} must be the numeric id Nex gives it (digits only), e.g. 32414268188027655.`,
			});
		}
	}
}

/** Text parameters that must not be empty. */
export function assertFilled(context: IExecuteSingleFunctions, fields: Array<{ parameter: string; label: string }>): void {
	for (const { parameter, label } of fields) {
		if (parameterText(context, parameter) === '') {
			throw new NodeOperationError(context.getNode(), `${label} is empty`, {
				description: `Enter the ${label} (or an expression that gives it).`,
			});
		}
	}
}

/** Runs several `validate` steps in order. */
export function validateAll(
	...steps: Array<(this: IExecuteSingleFunctions) => void | Promise<void>>
): (this: IExecuteSingleFunctions) => Promise<void> {
	return async function (this: IExecuteSingleFunctions) {
		for (const step of steps) await step.call(this);
	};
}

// ---- Return All / Limit ------------------------------------------------------------------------

/** n8n's usual "Return All" + "Limit" pair. */
export function returnAllAndLimit(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

// ---- delete output -----------------------------------------------------------------------------

/**
 * `transform` for deletes, which Nex answers with an empty 200: one item saying what was
 * deleted, e.g. `{deleted: true, id: "123"}`. Fields of a non-empty answer are kept.
 */
export function deletedResult(flag: 'deleted' | 'removed', ids: Record<string, string>) {
	return async function (this: IExecuteSingleFunctions, items: IDataObject[]): Promise<IDataObject[]> {
		const result: IDataObject = { [flag]: true };
		for (const [key, parameter] of Object.entries(ids)) result[key] = parameterText(this, parameter);
		const answer = items[0];
		return [answer && Object.keys(answer).length > 0 ? { ...result, ...answer } : result];
	};
}
