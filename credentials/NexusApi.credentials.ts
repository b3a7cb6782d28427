import { createHash } from 'node:crypto';
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

export const NEXUS_KEY_MALFORMED_MESSAGE =
	'The Nexus agent API key is malformed: expected "nxs_ak_" followed by 48 letters or digits. Copy the whole key shown when it was created.';

interface ExchangeState {
	pending?: Promise<{ token: string; expiresAt: number }>;
	token?: string;
	expiresAt?: number;
}

/** Per credential (hash of base URL, anon key and agent key): the exchange in flight and the newest token. */
const exchangesByCredential = new Map<string, ExchangeState>();

/**
 * n8n runs preAuthentication once per execution whose token is missing or answered 401. Executions
 * running side by side would each exchange the key; instead they share the exchange in flight, and
 * one holding a token older than the newest (still valid) one takes the newest without exchanging.
 */
export async function sharedExchange(
	credentialHash: string,
	currentToken: string,
	exchange: () => Promise<{ token: string; expiresIn: number }>,
): Promise<string> {
	let state = exchangesByCredential.get(credentialHash);
	if (!state) {
		state = {};
		exchangesByCredential.set(credentialHash, state);
	}
	if (state.pending) return (await state.pending).token;
	if (state.token && state.token !== currentToken && (state.expiresAt ?? 0) > Date.now() + 5_000) return state.token;
	const entry = state;
	entry.pending = exchange().then(({ token, expiresIn }) => ({ token, expiresAt: Date.now() + expiresIn * 1000 }));
	try {
		const fresh = await entry.pending;
		entry.token = fresh.token;
		entry.expiresAt = fresh.expiresAt;
		return fresh.token;
	} finally {
		entry.pending = undefined;
	}
}

/** `POST /functions/v1/agent-auth`; statuses are read, not thrown, so no error carries the request or its key. */
async function exchangeAgentKey(
	context: IHttpRequestHelper,
	baseUrl: string,
	anonApiKey: string,
	apiKey: string,
): Promise<{ token: string; expiresIn: number }> {
	const response = (await context.helpers.httpRequest({
		method: 'POST',
		url: `${baseUrl}/functions/v1/agent-auth`,
		headers: { apikey: anonApiKey, 'Content-Type': 'application/json' },
		body: { api_key: apiKey },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as {
		statusCode: number;
		headers?: Record<string, unknown>;
		body?: { access_token?: unknown; expires_in?: unknown; message?: unknown; error?: unknown };
	};
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
				: response.statusCode >= 500
					? ' Nexus had a server error while exchanging the key; try again later.'
					: '';
		throw new Error(`Nexus agent-auth answered ${response.statusCode}: ${vendor}.${advice}`);
	}
	if (typeof answer.access_token !== 'string' || answer.access_token === '') {
		throw new Error('Nexus agent-auth answered without an access token');
	}
	const expiresIn = typeof answer.expires_in === 'number' && answer.expires_in > 0 ? answer.expires_in : 3600;
	return { token: answer.access_token, expiresIn };
}

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
	 * several executions find the token expired at the same moment (see `sharedExchange`).
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const apiKey = String(credentials.apiKey ?? '').trim();
		if (!NEXUS_API_KEY_PATTERN.test(apiKey)) throw new Error(NEXUS_KEY_MALFORMED_MESSAGE);
		const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
		const anonApiKey = String(credentials.anonApiKey ?? '');
		const accessToken = await sharedExchange(
			createHash('sha256').update(`${baseUrl}\n${anonApiKey}\n${apiKey}`).digest('hex'),
			String(credentials.accessToken ?? ''),
			async () => await exchangeAgentKey(this, baseUrl, anonApiKey, apiKey),
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
