import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { DEFAULT_KEY_EXCHANGE_TIMEOUT_MS, exchangeAgentKey } from '../nodes/Nexus/shared/agentAuth';
import { credentialFingerprint, keyExchangePlanFor } from '../nodes/shared/keyExchange';
import { DEFAULT_RETRY_POLICY } from '../nodes/shared/retry';

/** Agent API keys are `nxs_ak_` followed by 48 random characters. */
export const NEXUS_API_KEY_PATTERN = /^nxs_ak_[A-Za-z0-9_-]{48}$/;

export const NEXUS_KEY_MALFORMED_MESSAGE =
	'The Nexus agent API key is malformed: expected "nxs_ak_" followed by 48 letters or digits. Copy the whole key shown when it was created.';

export class NexusApi implements ICredentialType {
	name = 'nexusApi';

	displayName = 'Nexus API';

	icon: Icon = { light: 'file:../nodes/Nexus/nexus.svg', dark: 'file:../nodes/Nexus/nexus.dark.svg' };

	documentationUrl = 'https://nexus-docs.aiforstartups.io';

	properties: INodeProperties[] = [
		{
			displayName: 'Agent API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'nxs_ak_…',
			description:
				'An agent API key created by an organization admin (nxs_ak_ followed by 48 characters). It is exchanged for a one-hour access token.',
		},
		{
			displayName: 'Anon (Public) Key',
			name: 'anonApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The project's public anon key, sent as the apikey header that the API gateway requires on every request",
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.nexus.aiforstartups.io',
			description: 'Root of the Nexus API (REST under /rest/v1, functions under /functions/v1)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Exchanges the agent API key for a JWT. n8n stores the result in the expirable
	 * `accessToken` field and calls this again only when a request answers 401, so the
	 * exchange (limited to 10 per minute per IP) happens once per token lifetime, also when
	 * several executions find the token expired at the same moment (see `exchangeAgentKey`).
	 * Inside a node's request it has that node's Request Options timeout and Max Retries; while
	 * several node requests of this credential are sending, it waits no longer than the smallest
	 * budget left among them and lets each request judge by its own (see `keyExchangePlanFor`);
	 * elsewhere (the credential test) the defaults.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const apiKey = String(credentials.apiKey ?? '').trim();
		if (!NEXUS_API_KEY_PATTERN.test(apiKey)) throw new Error(NEXUS_KEY_MALFORMED_MESSAGE);
		const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		const anonApiKey = String(credentials.anonApiKey ?? '');
		const fingerprint = credentialFingerprint(baseUrl, anonApiKey, apiKey);
		const accessToken = await exchangeAgentKey(
			this,
			{ baseUrl, anonApiKey, apiKey },
			fingerprint,
			String(credentials.accessToken ?? ''),
			keyExchangePlanFor(fingerprint, { timeoutMs: DEFAULT_KEY_EXCHANGE_TIMEOUT_MS, maxRetries: DEFAULT_RETRY_POLICY.maxRetries }),
		);
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				apikey: '={{$credentials.anonApiKey}}',
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Needs a valid agent JWT and the right anon key: PostgREST rejects either one missing.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/rest/v1/warehouses',
			qs: { select: 'id', limit: 1 },
			method: 'GET',
		},
	};
}
