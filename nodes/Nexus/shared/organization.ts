import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { NEXUS_CREDENTIAL_TYPE, nexusApiRequest } from './transport';

/**
 * The organization the agent API key belongs to. Rows are written with `organization_id` (the
 * reference's examples always send it; row-level security checks it against the token), and
 * the WhatsApp function wants `organizationId` in its body.
 */

function jwtClaims(token: unknown): IDataObject | undefined {
	if (typeof token !== 'string') return undefined;
	const parts = token.split('.');
	if (parts.length !== 3) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
		return claims && typeof claims === 'object' ? (claims as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

async function organizationFromToken(context: NodeContext): Promise<string | undefined> {
	const credentials = await context.getCredentials(NEXUS_CREDENTIAL_TYPE);
	const claims = jwtClaims(credentials.accessToken);
	if (!claims || typeof claims.organization_id !== 'string' || claims.organization_id === '') return undefined;
	if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) return undefined;
	return claims.organization_id;
}

/** From the current agent token's claims; otherwise the organization row the token can read. */
export async function organizationId(context: NodeContext): Promise<string> {
	const fromToken = await organizationFromToken(context);
	if (fromToken) return fromToken;
	const answer = await nexusApiRequest.call(
		context,
		'GET',
		'/rest/v1/organizations',
		{ safeToRepeat: true, what: 'organization' },
		{ qs: { select: 'id', limit: 1 } },
	);
	const rows = Array.isArray(answer.body) ? answer.body : [];
	if (rows[0] && typeof rows[0].id === 'string') return rows[0].id;
	// The request above exchanged the key if needed: the fresh token names the organization.
	const afterExchange = await organizationFromToken(context);
	if (afterExchange) return afterExchange;
	throw new NodeOperationError(context.getNode(), 'Could not determine the organization of the agent API key', {
		description: 'Nexus did not return the organization for this key. Check that the key is active in Nexus.',
	});
}
