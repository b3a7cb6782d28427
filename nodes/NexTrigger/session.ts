import type { IHttpRequestOptions, IN8nHttpFullResponse, ITriggerFunctions } from 'n8n-workflow';

import { NEX_CREDENTIAL_TYPE } from '../Nex/shared/transport';

/**
 * The Nex credential, read once while the trigger activates, and the requests signed with it.
 *
 * n8n 2.x resolves a credential (its expressions) only while the workflow's expression isolate
 * is held, which is during `trigger()` (and during a manual run); the stream's reconnect loop and
 * gap fills run long after `trigger()` returned, where `getCredentials` and
 * `httpRequestWithAuthentication` fail with "No bridge acquired for this context". So the key is
 * read here, inside `trigger()`, and every later request goes through n8n's `httpRequest` helper
 * with the same `Authorization: Bearer <key>` header the credential's `authenticate` sets. The key
 * stays in this closure: it is never part of an item, a log line or an error.
 */
export interface NexSession {
	/** The credential's base URL without a trailing slash. */
	baseUrl: string;
	/** One request through n8n's helper, signed with the credential's key. */
	request(options: IHttpRequestOptions): Promise<IN8nHttpFullResponse>;
}

export async function openNexSession(context: ITriggerFunctions): Promise<NexSession> {
	const credentials = await context.getCredentials(NEX_CREDENTIAL_TYPE);
	const apiKey = String(credentials.apiKey ?? '');
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return {
		baseUrl,
		request: async (options) =>
			(await context.helpers.httpRequest({
				...options,
				headers: { ...(options.headers ?? {}), Authorization: `Bearer ${apiKey}` },
			})) as IN8nHttpFullResponse,
	};
}
