/** The Nexus sandbox child shared by the Nexus sections, its credential and workflow builders. */
import type { INode, INodeParameters } from 'n8n-workflow';

import { setNexusRateLimit } from '../nodes/Nexus/shared/pacing';
import { TestEngine } from '../test/harness/engine';
import { startChildSandbox, type ChildSandbox } from './sandboxProcess';

export interface NexusChild {
	child: ChildSandbox;
	anonKey: string;
	orgs: Record<'a' | 'b', { id: string; apiKey: string }>;
}

export const NEXUS_CREDENTIAL = { id: 'nexus', name: 'Nexus' };

/**
 * A Nexus sandbox without demo data (organization A holds exactly the orders a section seeds)
 * and without the 100 requests/minute limit, which continuous use would hit at once.
 */
export async function startNexusChild(): Promise<NexusChild> {
	const child = await startChildSandbox('nexus', { seed: false, requestsPerMinute: 0 });
	// The node paces its Nexus requests to the limit the sandbox enforces: none yet.
	setNexusRateLimit({ requests: 0, windowMs: 60_000 });
	return {
		child,
		anonKey: String(child.info.anonKey),
		orgs: child.info.orgs as NexusChild['orgs'],
	};
}

/** An engine whose Nexus credential points at `baseUrl` (the sandbox, or a latency proxy in front of it). */
export function nexusEngine(nexus: NexusChild, baseUrl = nexus.child.info.baseUrl): TestEngine {
	return new TestEngine().addCredential({
		...NEXUS_CREDENTIAL,
		type: 'nexusApi',
		data: { apiKey: nexus.orgs.a.apiKey, anonApiKey: nexus.anonKey, baseUrl },
	});
}

/** The Nexus rate limit as documented (100 requests a minute per user and organization), its window scaled to 6 s. */
export const NEXUS_LIMIT = { requests: 100, windowMs: 6_000 };

export async function setNexusLimit(nexus: NexusChild, on: boolean): Promise<void> {
	// The node paces to the same (scaled) window, as it paces to the documented minute in use.
	setNexusRateLimit(on ? NEXUS_LIMIT : { requests: 0, windowMs: 60_000 });
	await nexus.child.control('POST', '/limits', on ? { requestsPerMinute: NEXUS_LIMIT.requests, requestWindowMs: NEXUS_LIMIT.windowMs } : { requestsPerMinute: 0, requestWindowMs: 60_000 });
}

export function nexusNode(parameters: INodeParameters): INode {
	return {
		id: 'nexus',
		name: 'Nexus',
		type: 'n8n-nodes-nex.nexus',
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { nexusApi: NEXUS_CREDENTIAL },
	};
}

/** Orders in organization A for the Nexus sections (all `pending`, so the burst changes every one). */
export const NEXUS_ORDERS = 10_000;

/** Seeds organization A up to NEXUS_ORDERS orders, whichever Nexus section runs first. */
export async function ensureNexusOrders(nexus: NexusChild): Promise<void> {
	const { rows } = (await nexus.child.control('POST', '/sql', {
		sql: 'select count(*)::int as count from public.orders where organization_id = $1',
		params: [nexus.orgs.a.id],
	})) as { rows: Array<{ count: number }> };
	const missing = NEXUS_ORDERS - rows[0].count;
	if (missing > 0) await nexus.child.control('POST', '/seed/orders', { org: 'a', count: missing, status: 'pending' });
}
