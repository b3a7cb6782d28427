import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { createExecutor, type CallSpec, type OperationSpec, type ServiceTransport } from '../../shared/executor';
import type { ParsedAnswer } from '../../shared/http';
import { nexusUserError } from './apiError';
import { NEXUS_CREDENTIAL_TYPE, nexusBaseUrl, nexusKeyExchangeFingerprint } from './credential';
import { nexusPacer } from './pacing';
import { readTable } from './guardInput';
import { nexusPaging, readByKey, type NexusPaging } from './paging';
import { mergeHeaders } from './prefer';
import { tablePrimaryKey } from './tableSchema';

/**
 * The one transport of the Nexus node and trigger: base URL, the anon key and the agent JWT from
 * the credential (n8n exchanges the agent API key in the credential's `preAuthentication` and,
 * on a 401, exchanges it again and retries once), exact-id JSON, retries (429 always, honouring
 * Retry-After; 502/503/504 and dropped connections when safe to repeat), pacing to the rate limit
 * (pacing.ts), PostgREST paging, and
 * errors that keep the vendor's fields and say what to do (apiError.ts). Declarative operations
 * send through the same transport (routing.ts).
 */

export { NEXUS_CREDENTIAL_TYPE } from './credential';
export { NEXUS_MAX_PAGE_SIZE } from './pageSize';

const NEXUS_ENCODING = 'arraybuffer' as const;

/**
 * Requests ask for raw bytes so ids are parsed exactly. Every status except 401 is answered to
 * the transport, which maps it; a 401 must throw so n8n runs the credential's preAuthentication
 * (a fresh JWT) and retries the request once.
 */
export const nexusRequestDefaults = {
	baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
	headers: { Accept: 'application/json' },
	// Bytes, not text: n8n 1.x keeps no cause on the error it throws for a status, only an object
	// body (as `context.data`), so a text body and the vendor's code in it would be lost.
	encoding: NEXUS_ENCODING,
	json: false,
	// Repeated query keys (`total_amount=gte.1&total_amount=lte.9`) are sent as PostgREST expects.
	arrayFormat: 'repeat' as const,
	// Statuses are thrown (not ignored) so a 401 makes n8n exchange the key and retry once; the
	// transport reads the vendor's body from the thrown error. `{ignore, except}` would do the same
	// on n8n 2.x only: n8n 1.x treats any object as "ignore every status".
	ignoreHttpStatusErrors: false,
};

export interface NexusCallSpec extends CallSpec {
	/** What the request reads or writes, for messages: "order", "table \"orders\"", "start picking". */
	what?: string;
	/** The request writes: a 403 then explains the write scope and the read-only free plan. */
	writes?: boolean;
	/** The request deletes: a 403 then explains that deleting needs the admin scope. */
	deletes?: boolean;
	/** The parameter holding the id of the one row the request is about, for "No order with id …". */
	idParameter?: string;
}

export const nexusTransport: ServiceTransport<NexusCallSpec> = {
	credentialType: NEXUS_CREDENTIAL_TYPE,
	userError: nexusUserError,
	keyExchangeFingerprint: nexusKeyExchangeFingerprint,
	pacer: nexusPacer,
};

/** Runs every Nexus operation (declarative, or several requests from code) and every request from code. */
export const nexusExecutor = createExecutor<NexusCallSpec, NexusPaging>({
	transport: nexusTransport,
	paging: {
		...nexusPaging,
		// Any table (Table → Get Many): its primary key is read from the schema description first.
		tableKey: async (reader) => await readByKey(reader, await tablePrimaryKey(reader.context, readTable(reader.context))),
	},
	baseUrl: nexusBaseUrl,
	requestOptions: { arrayFormat: 'repeat', ignoreHttpStatusErrors: false, encoding: NEXUS_ENCODING },
	mergeHeaders,
});

export type NexusOperationSpec = OperationSpec<NexusCallSpec, NexusPaging>;

export interface NexusRequestOptions {
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: IDataObject;
}

/**
 * Programmatic request (trigger, load options, multi-step operations) through n8n's
 * `httpRequestWithAuthentication`, with the node's parsing, retries and errors.
 * `path` starts with `/rest/v1/` or `/functions/v1/`. Query values that are arrays are sent as
 * repeated keys.
 */
export async function nexusApiRequest(
	this: NodeContext,
	method: IHttpRequestMethods,
	path: string,
	spec: NexusCallSpec,
	options: NexusRequestOptions = {},
): Promise<ParsedAnswer> {
	return await nexusExecutor.request(this, method, path, spec, options);
}
