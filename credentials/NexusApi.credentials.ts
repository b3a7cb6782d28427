import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/** Agent API keys are `nxs_ak_` followed by 48 random characters. */
export const NEXUS_API_KEY_PATTERN = /^nxs_ak_[A-Za-z0-9_-]{48}$/;

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
	 * exchange (limited to 10 per minute per IP) happens once per token lifetime.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const apiKey = String(credentials.apiKey ?? '').trim();
		if (!NEXUS_API_KEY_PATTERN.test(apiKey)) {
			throw new Error(
				'The Nexus agent API key is malformed: expected "nxs_ak_" followed by 48 letters or digits. Copy the whole key shown when it was created.',
			);
		}
		const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		// Statuses are read here rather than thrown, so no error can carry the request (and its key).
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/functions/v1/agent-auth`,
			headers: { apikey: String(credentials.anonApiKey ?? ''), 'Content-Type': 'application/json' },
			body: { api_key: apiKey },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; headers?: Record<string, unknown>; body?: { access_token?: unknown; message?: unknown; error?: unknown } };
		const answer = response.body ?? {};
		if (response.statusCode === 429) {
			const wait = response.headers?.['retry-after'];
			throw new Error(
				`Nexus refused the key exchange: too many attempts (10 per minute per IP)${wait ? `; retry in ${String(wait)} s` : ''}`,
			);
		}
		if (response.statusCode >= 400) {
			const vendor = typeof answer.message === 'string' ? answer.message : String(answer.error ?? 'no message');
			const advice =
				response.statusCode === 401 || response.statusCode === 403
					? ' Check the agent API key (it may be revoked or expired) and the anon key in the Nexus API credential.'
					: '';
			throw new Error(`Nexus agent-auth answered ${response.statusCode}: ${vendor}.${advice}`);
		}
		if (typeof answer.access_token !== 'string' || answer.access_token === '') {
			throw new Error('Nexus agent-auth answered without an access token');
		}
		return { accessToken: answer.access_token };
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
