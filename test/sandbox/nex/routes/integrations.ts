import { randomBytes } from 'node:crypto';
import { ApiError, emptyOk, ok } from '../http';
import { parseId } from '../ids';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import { INTEGRATION_PROVIDERS, INTEGRATION_TYPES, type ConnectFlow, type Integration } from '../types';

/**
 * Integrations and the OAuth connect flow: `POST .../connect` (10 per minute per key) answers
 * `{auth_url, connect_id}`; the status reads `pending` until the simulated user finishes consent
 * (`jobDurationMs`), then `connected` with a `connection_id`; after `connectExpiryMs` it is 410.
 */

export const INTEGRATION_CATALOGUE: Omit<Integration, 'connections'>[] = [
	{ type: 'email', provider: 'google', displayName: 'Gmail', description: 'Connect to your Gmail account to automatically sync emails, create contacts, and update context.' },
	{ type: 'calendar', provider: 'google', displayName: 'Google Calendar', description: 'Sync meetings and attendees from Google Calendar.' },
	{ type: 'email', provider: 'microsoft', displayName: 'Outlook', description: 'Connect to your Outlook mailbox to sync emails and contacts.' },
	{ type: 'calendar', provider: 'microsoft', displayName: 'Outlook Calendar', description: 'Sync meetings and attendees from Outlook Calendar.' },
	{ type: 'messaging', provider: 'slack', displayName: 'Slack', description: 'Bring Slack conversations into your context graph.' },
	{ type: 'crm', provider: 'attio', displayName: 'Attio', description: 'Import people, companies and deals from Attio.' },
	{ type: 'crm', provider: 'hubspot', displayName: 'HubSpot', description: 'Import contacts, companies and deals from HubSpot.' },
	{ type: 'crm', provider: 'salesforce', displayName: 'Salesforce', description: 'Import accounts, contacts and opportunities from Salesforce.' },
];

const AUTH_URLS: Record<string, string> = {
	google: 'https://accounts.google.com/o/oauth2/v2/auth',
	microsoft: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
	slack: 'https://slack.com/oauth/v2/authorize',
	attio: 'https://app.attio.com/authorize',
	hubspot: 'https://api.nango.dev/oauth/connect/hubspot',
	salesforce: 'https://api.nango.dev/oauth/connect/salesforce',
};

const IDENTIFIERS: Record<string, string> = {
	email: 'demo.user@acme.com',
	calendar: 'demo.user@acme.com',
	messaging: 'acme.slack.com',
	crm: 'acme-workspace',
};

export function freshIntegrations(): Integration[] {
	return INTEGRATION_CATALOGUE.map((i) => ({ ...i, connections: [] }));
}

function integrationOf(store: NexStore, type: string, provider: string): Integration | undefined {
	return store.integrations.find((i) => i.type === type && i.provider === provider);
}

/** Turns flows whose consent is done into connections (idempotent). */
export function settleConnectFlows(store: NexStore, now: number): void {
	for (const flow of store.connectFlows.values()) {
		if (flow.connectionId !== undefined) continue;
		if (now - flow.createdMs >= store.config.connectExpiryMs) continue;
		if (!flow.forcedConnected && now - flow.createdMs < store.config.jobDurationMs) continue;
		const integration = integrationOf(store, flow.type, flow.provider);
		if (!integration) continue;
		flow.connectionId = store.ids.next();
		integration.connections.push({ id: flow.connectionId, status: 'active', identifier: IDENTIFIERS[flow.type] ?? 'demo.user' });
	}
}

function listIntegrations(ctx: Ctx) {
	settleConnectFlows(ctx.store, ctx.now);
	return ok(
		ctx.store.integrations.map((i) => ({
			type: i.type,
			provider: i.provider,
			display_name: i.displayName,
			description: i.description,
			connections: i.connections.map((c) => ({ id: c.id, status: c.status, identifier: c.identifier })),
		})),
	);
}

function rateLimit(ctx: Ctx): void {
	const limit = ctx.store.config.connectRateLimitPerMinute;
	if (limit <= 0) return;
	const windowStart = ctx.now - 60_000;
	const calls = (ctx.store.connectCalls.get(ctx.key.key) ?? []).filter((t) => t > windowStart);
	if (calls.length >= limit) {
		const retryAfter = Math.max(1, Math.ceil((calls[0] + 60_000 - ctx.now) / 1000));
		ctx.store.connectCalls.set(ctx.key.key, calls);
		throw new ApiError(429, `rate limit exceeded: ${limit} connect requests per minute`, { 'retry-after': String(retryAfter) });
	}
	calls.push(ctx.now);
	ctx.store.connectCalls.set(ctx.key.key, calls);
}

function startConnect(ctx: Ctx) {
	rateLimit(ctx);
	const { type, provider } = ctx.params;
	if (!(INTEGRATION_TYPES as readonly string[]).includes(type)) {
		throw new ApiError(400, `invalid integration type "${type}": expected one of ${INTEGRATION_TYPES.join(', ')}`);
	}
	if (provider === 'whatsapp') throw new ApiError(400, 'WhatsApp uses a config-based connect flow; contact Nex support for setup');
	if (!(INTEGRATION_PROVIDERS as readonly string[]).includes(provider)) {
		throw new ApiError(400, `invalid integration provider "${provider}": expected one of ${INTEGRATION_PROVIDERS.join(', ')}`);
	}
	if (!integrationOf(ctx.store, type, provider)) throw new ApiError(400, `unsupported integration: ${type}/${provider}`);
	const payload = { w: ctx.store.workspaceId.toString(), t: type, p: provider, n: randomBytes(6).toString('hex'), iat: Math.floor(ctx.now / 1000) };
	const connectId = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
	const flow: ConnectFlow = { connectId, type, provider, createdMs: ctx.now };
	ctx.store.connectFlows.set(connectId, flow);
	const query = new URLSearchParams({
		client_id: `nex-${provider}-client`,
		redirect_uri: 'https://app.nex.ai/oauth/callback',
		response_type: 'code',
		state: connectId,
	});
	return ok({ auth_url: `${AUTH_URLS[provider]}?${query}`, connect_id: connectId });
}

function connectStatus(ctx: Ctx) {
	const flow = ctx.store.connectFlows.get(ctx.params.connect_id);
	if (!flow) throw new ApiError(400, 'invalid connect_id');
	if (ctx.now - flow.createdMs >= ctx.store.config.connectExpiryMs) {
		throw new ApiError(410, 'connect_id has expired (10 minute TTL); start a new connection');
	}
	settleConnectFlows(ctx.store, ctx.now);
	if (flow.connectionId === undefined) return ok({ status: 'pending' });
	return ok({ status: 'connected', connection_id: flow.connectionId });
}

function disconnect(ctx: Ctx) {
	const id = parseId(ctx.params.connection_id, 'connection_id');
	settleConnectFlows(ctx.store, ctx.now);
	for (const integration of ctx.store.integrations) {
		const index = integration.connections.findIndex((c) => c.id === id);
		if (index >= 0) {
			integration.connections.splice(index, 1);
			return emptyOk();
		}
	}
	throw new ApiError(404, `connection not found: ${ctx.params.connection_id}`);
}

export const integrationRoutes: RouteDef[] = [
	{ method: 'GET', path: '/v1/integrations', scope: 'integration.read', operationId: 'listIntegrations', handler: listIntegrations },
	{
		method: 'POST',
		path: '/v1/integrations/{type}/{provider}/connect',
		scope: 'integration.write',
		operationId: 'startIntegrationConnect',
		handler: startConnect,
	},
	{
		method: 'GET',
		path: '/v1/integrations/connect/{connect_id}/status',
		scope: 'integration.read',
		operationId: 'getConnectStatus',
		handler: connectStatus,
	},
	{
		method: 'DELETE',
		path: '/v1/integrations/connections/{connection_id}',
		scope: 'integration.write',
		operationId: 'disconnectIntegration',
		handler: disconnect,
	},
];
