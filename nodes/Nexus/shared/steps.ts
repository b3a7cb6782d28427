import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { toJsonObject } from '../../shared/jsonObject';

/**
 * Operations made of several requests (create an order with its items, ship an order) say which
 * step failed and what state the data is left in, keeping the vendor's fields and status.
 */
export function restateError(
	node: INode,
	error: unknown,
	message: (original: string) => string,
	description: string,
): NodeApiError | NodeOperationError {
	const original = error instanceof Error ? error.message : String(error);
	const originalDescription =
		error instanceof NodeApiError || error instanceof NodeOperationError ? (error.description ?? '') : '';
	const fullDescription = [description, originalDescription].filter(Boolean).join('\n');
	if (error instanceof NodeApiError) {
		const vendor = (error.context.nexus as IDataObject | undefined) ?? { message: original };
		const restated = new NodeApiError(node, toJsonObject(vendor), {
			message: message(original),
			description: fullDescription,
			httpCode: error.httpCode ?? undefined,
		});
		restated.context.nexus = vendor;
		return restated;
	}
	return new NodeOperationError(node, message(original), { description: fullDescription });
}

/** Runs a request and hands back its failure instead of throwing (for cleanup before re-throwing). */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: unknown }> {
	return await run().then(
		(value) => ({ ok: true as const, value }),
		(failure: unknown) => ({ ok: false as const, failure }),
	);
}
