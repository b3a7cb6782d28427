import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { attemptsText, transportFailureError } from '../../shared/failureAdvice';
import { HttpStatusFailure, LocalFailure } from '../../shared/http';
import { KeyExchangeFailure } from '../../shared/keyExchange';
import { toJsonObject } from '../../shared/jsonObject';
import { adviceFor, headlineFor } from './errorAdvice';
import type { NexusCallSpec } from './transport';

/**
 * How a failed Nexus request reads to the user: PostgREST's `code`/`message`/`details`/`hint`
 * (or an edge function's `error`/`message`) kept, with what to do.
 */
export function nexusUserError(context: NodeContext, spec: NexusCallSpec, error: unknown, attempts?: number): Error {
	const node = context.getNode();
	const tries = attemptsText(attempts);
	if (error instanceof HttpStatusFailure) {
		const vendor = (error.body && typeof error.body === 'object' && !Array.isArray(error.body) ? error.body : {}) as IDataObject;
		// PostgREST: {code, message, details, hint}; edge functions: {error, message}.
		const code =
			typeof vendor.code === 'string' || typeof vendor.code === 'number'
				? String(vendor.code)
				: typeof vendor.error === 'string'
					? vendor.error
					: undefined;
		const vendorMessage =
			typeof vendor.message === 'string' && vendor.message !== ''
				? vendor.message
				: typeof vendor.error === 'string'
					? vendor.error
					: error.bodyText.slice(0, 300) || `HTTP ${error.status}`;
		const advice = adviceFor(error.status, code, spec, tries);
		const details = typeof vendor.details === 'string' ? vendor.details : undefined;
		const headline = headlineFor(error.status, code, vendorMessage, spec, { id: idOf(context, spec), details });
		// The vendor's code and text lead the details; the headline says what happened.
		const lines = [`Nexus API error ${error.status}${code ? ` (${code})` : ''}: ${vendorMessage}`, advice];
		if (typeof vendor.details === 'string' && vendor.details !== '') lines.push(`Details: ${vendor.details}`);
		if (typeof vendor.hint === 'string' && vendor.hint !== '') lines.push(`Hint: ${vendor.hint}`);
		const vendorFields: IDataObject = { status: error.status };
		for (const key of ['code', 'error', 'message', 'details', 'hint']) {
			if (vendor[key] !== undefined) vendorFields[key] = vendor[key];
		}
		const apiError = new NodeApiError(node, toJsonObject(vendorFields), {
			httpCode: String(error.status),
			message: headline,
			description: lines.filter(Boolean).join('\n'),
		});
		apiError.context.nexus = vendorFields;
		return apiError;
	}
	if (error instanceof KeyExchangeFailure) {
		return new NodeOperationError(node, error.message, { description: error.description });
	}
	const transportError = transportFailureError(node, 'Nexus', error, spec.safeToRepeat, tries);
	if (transportError) return transportError;
	if (error instanceof LocalFailure) {
		return new NodeOperationError(node, error.message, {
			description:
				"No request reached Nexus's data. Check the Nexus API credential: the agent API key (it may be revoked or expired), the anon key and the base URL.",
		});
	}
	if (error instanceof Error) return error;
	return new NodeOperationError(node, String(error));
}

/** The id the request is about, as the user gave it; undefined when unreadable. */
function idOf(context: NodeContext, spec: NexusCallSpec): string | undefined {
	if (!spec.idParameter) return undefined;
	try {
		const value = context.getNodeParameter(spec.idParameter, '', { extractValue: true }) as unknown;
		return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
	} catch {
		return undefined;
	}
}
