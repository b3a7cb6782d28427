import { NodeOperationError } from 'n8n-workflow';

import { NEXUS_API_KEY_PATTERN, NEXUS_KEY_MALFORMED_MESSAGE } from '../../../credentials/NexusApi.credentials';
import type { NodeContext } from '../../shared/context';
import { credentialFingerprint } from '../../shared/keyExchange';

export const NEXUS_CREDENTIAL_TYPE = 'nexusApi';

/**
 * Reads the credential and checks the agent key's shape before anything is sent, so a malformed
 * key fails with a clear message instead of reaching agent-auth (limited to 10 attempts a minute).
 */
export async function nexusBaseUrl(context: NodeContext): Promise<string> {
	const credentials = await context.getCredentials(NEXUS_CREDENTIAL_TYPE);
	const apiKey = String(credentials.apiKey ?? '').trim();
	if (!NEXUS_API_KEY_PATTERN.test(apiKey)) {
		throw new NodeOperationError(context.getNode(), NEXUS_KEY_MALFORMED_MESSAGE, {
			description: 'Open the Nexus API credential and paste the agent API key again.',
		});
	}
	return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
}

/** The fingerprint the credential's key exchange is kept under; undefined without a credential (nothing to exchange). */
export async function nexusKeyExchangeFingerprint(context: NodeContext): Promise<string | undefined> {
	let credentials;
	try {
		credentials = await context.getCredentials(NEXUS_CREDENTIAL_TYPE);
	} catch {
		return undefined;
	}
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return credentialFingerprint(baseUrl, String(credentials.anonApiKey ?? ''), String(credentials.apiKey ?? '').trim());
}
