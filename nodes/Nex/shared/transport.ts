import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NodeContext, ParameterContext } from '../../shared/context';
import { createExecutor, type CallSpec, type OperationSpec, type PathId, type ServiceTransport } from '../../shared/executor';
import { HttpStatusFailure, LocalFailure } from '../../shared/http';
import { attemptsText, serverErrorText, transportFailureError } from '../../shared/failureAdvice';
import { nexPaging, type NexPagingStyle } from './paging';
import { nexHeadline, pathIdValues } from './errorHeadline';

/**
 * The one transport of the Nex node and trigger: base URL and Bearer auth from the credential,
 * exact-id JSON, retries (429 always; 502/503/504 and dropped connections when safe to repeat),
 * the API's three pagination styles, and errors that keep Nex's code and message and say what to do.
 */

export const NEX_CREDENTIAL_TYPE = 'nexApi';

/** Requests ask for text so ids above 2^53 are parsed exactly; statuses are mapped by the transport. */
export const nexRequestDefaults = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: { Accept: 'application/json' },
	encoding: 'text' as const,
	json: false,
	ignoreHttpStatusErrors: true,
};

export interface NexCallSpec extends CallSpec {
	/** Scope the endpoint needs (named in the 403 message). */
	scope: string;
	/** What a 404 means, e.g. "record". */
	notFound?: string;
}

/** How a Nex operation is declared: its request's scope and what a 404 means, plus the executor's spec. */
export type NexOperationSpec = OperationSpec<NexCallSpec, NexPagingStyle>;

function nexUserError(context: ParameterContext, spec: NexCallSpec, error: unknown, attempts?: number): Error {
	const node = context.getNode();
	const tries = attemptsText(attempts);
	if (error instanceof HttpStatusFailure) {
		const vendor = (error.body && typeof error.body === 'object' ? error.body : {}) as IDataObject;
		const vendorMessage =
			typeof vendor.message === 'string' ? vendor.message : error.bodyText.slice(0, 300) || `HTTP ${error.status}`;
		const advice: Record<number, string> = {
			400: 'Nex rejected the request as invalid: check the fields named in the message.',
			401: 'The API key is invalid or revoked: check the API key in the Nex API credential.',
			403: `The API key lacks the "${spec.scope}" scope this operation needs: create a key with ${spec.scope} in Nex (Settings → API Keys) and update the credential.`,
			404: `The ${spec.notFound ?? 'requested item'} was not found: check the id, and that it belongs to this workspace.`,
			410: 'The connection attempt expired (connect ids are valid for 10 minutes): start the connection again.',
			429: `Nex is rate limiting this key${tries}: wait a minute, lower the batch size, or raise "Max Retries" under Request Options.`,
		};
		const description = advice[error.status] ?? (error.status >= 500 ? serverErrorText('Nex', spec.safeToRepeat, tries) : undefined);
		// An operation's spec names the ids in its path: they make the headline of a 404 ("No record with id …").
		const pathIds = 'pathIds' in spec ? (spec as { pathIds?: PathId[] }).pathIds : undefined;
		const headline = nexHeadline(error.status, typeof vendor.message === 'string' ? vendor.message : '', spec, pathIdValues(context, pathIds));
		return new NodeApiError(node, { code: (vendor.code as number) ?? error.status, message: vendorMessage }, {
			httpCode: String(error.status),
			message: headline,
			// The status and Nex's own text lead the details.
			description: [`Nex API error ${error.status}: ${vendorMessage}`, description].filter(Boolean).join('\n'),
		});
	}
	const transportError = transportFailureError(node, 'Nex', error, spec.safeToRepeat, tries);
	if (transportError) return transportError;
	if (error instanceof LocalFailure) {
		return new NodeOperationError(node, error.message, {
			description: 'No request reached Nex. Check the Nex API credential (API key and base URL).',
		});
	}
	if (error instanceof Error) return error;
	return new NodeOperationError(node, String(error));
}

export const nexTransport: ServiceTransport<NexCallSpec> = {
	credentialType: NEX_CREDENTIAL_TYPE,
	userError: nexUserError,
};

/** The executor of every Nex operation, load-options method and trigger request. */
export const nexExecutor = createExecutor<NexCallSpec, NexPagingStyle>({
	transport: nexTransport,
	paging: nexPaging,
	// Nex answers a delete with an empty 200: one (empty) item, which the operation fills in.
	emptyBody: {},
	async baseUrl(context) {
		const credentials = await context.getCredentials(NEX_CREDENTIAL_TYPE);
		return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	},
});

/** The routing of a Nex operation: its request (ids as `{placeholders}`), and the executor that sends it. */
export const nexRouting = nexExecutor.routing;

/**
 * Programmatic request (trigger, load-options, polling a job) through n8n's
 * `httpRequestWithAuthentication`, with the same parsing, retries and errors as the node.
 */
export async function nexApiRequest(
	this: NodeContext,
	method: IHttpRequestMethods,
	url: string,
	spec: NexCallSpec,
	options: { qs?: IDataObject; body?: IDataObject } = {},
): Promise<unknown> {
	return (await nexExecutor.request(this, method, url, spec, options)).body;
}
