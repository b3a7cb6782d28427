import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NodeRef } from './context';

/**
 * Errors reach n8n as NodeApiError or NodeOperationError (transports build those); anything else is
 * wrapped by its message and description only: an HTTP client's error carries its request
 * (headers with the credential) and must not travel on as the cause.
 */
export function asNodeError(context: NodeRef, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return withBoundedText(error);
	if (!(error instanceof Error)) return withBoundedText(new NodeOperationError(context.getNode(), String(error)));
	const description = (error as Error & { description?: unknown }).description;
	return withBoundedText(
		new NodeOperationError(context.getNode(), error.message, typeof description === 'string' ? { description } : {}),
	);
}

/** Longest message and description an error keeps; the checks quote values short, this bounds whatever else. */
export const MAX_ERROR_MESSAGE_LENGTH = 1000;
export const MAX_ERROR_DESCRIPTION_LENGTH = 4000;

function bounded(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * An error is stored with the execution and shown in a toast: whatever value a message quotes
 * (a megabyte pasted into a field, a huge answer), it stays short.
 */
export function withBoundedText<T extends NodeApiError | NodeOperationError>(error: T): T {
	error.message = bounded(error.message, MAX_ERROR_MESSAGE_LENGTH);
	if (typeof error.description === 'string') error.description = bounded(error.description, MAX_ERROR_DESCRIPTION_LENGTH);
	return error;
}

/** With "Continue On Fail", the error becomes an output item instead of stopping the workflow. */
export async function itemsOrErrorItem(
	context: NodeRef & Pick<IExecuteSingleFunctions, 'getItemIndex' | 'continueOnFail'>,
	run: () => Promise<IDataObject[]>,
): Promise<INodeExecutionData[]> {
	// Every output item names the input item it came from, so `$('Node').item` works downstream
	// when one input item yields several (or no) output items.
	const item = context.getItemIndex();
	try {
		return (await run()).map((json) => ({ json, pairedItem: { item } }));
	} catch (error) {
		const failure = asNodeError(context, error);
		if (!context.continueOnFail()) throw failure;
		return [
			{
				json: {
					error: failure.message,
					description: failure.description ?? null,
					httpCode: (failure as NodeApiError).httpCode ?? null,
				},
				pairedItem: { item },
			},
		];
	}
}
