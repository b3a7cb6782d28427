import type { LoggedRequest } from '../test/sandbox/shared/requestLog';
import type { BenchRow, Condition } from './measure';
import { nexusEngine, nexusNode, type NexusChild } from './nexusSetup';
import { manualThen } from './workflow';

/**
 * Shortened JWT lifetime. Above 5 s on purpose: the credential lets an execution adopt a token
 * another one just fetched only while it has more than 5 s left (`newerToken` in
 * `nodes/Nexus/shared/agentAuth.ts`), which is always true at Nexus's real 3600 s.
 */
const LIFETIME_SECONDS = 8;
const LIFETIMES = 3;
const AUTH_PATH = '/functions/v1/agent-auth';

interface Phase {
	workflows: number;
	runs: number;
	failed: number;
	exchanges: number;
	/** Token lifetimes the run spanned: the fewest exchanges that could have served it. */
	lifetimes: number;
	expired401: number;
	seconds: number;
}

/**
 * The fewest exchanges for requests from the first exchange until `endMs`: the sandbox's token
 * expires at the whole second `iat + lifetime`, and a client that exchanges again right after
 * each expiry gets tokens ending at `e0`, `e0 + L`, `e0 + 2L`, ...
 */
export function lifetimesSpanned(firstExchangeMs: number, endMs: number, lifetimeSeconds: number): number {
	const firstExpiry = Math.floor(firstExchangeMs / 1000) + lifetimeSeconds;
	let count = 1;
	for (let expiry = firstExpiry; expiry * 1000 <= endMs; expiry += lifetimeSeconds) count++;
	return count;
}

async function runPhase(nexus: NexusChild, workflows: number, rttMs: number): Promise<Phase> {
	const { child } = nexus;
	const engine = nexusEngine(nexus, await child.urlAt(rttMs));
	const workflow = manualThen(nexusNode({ resource: 'order', operation: 'getAll', returnAll: false, limit: 1 }));
	await child.control('POST', '/jwt-lifetime', { seconds: LIFETIME_SECONDS });
	// Every token from earlier sections answers "JWT expired": the phase starts with an exchange.
	await child.control('POST', '/expire-tokens');
	await child.control('DELETE', '/requests');
	const started = Date.now();
	const until = started + LIFETIMES * LIFETIME_SECONDS * 1000;
	let runs = 0;
	let failed = 0;
	const loop = async () => {
		while (Date.now() < until) {
			const result = await engine.run(workflow);
			runs++;
			if (result.error) failed++;
		}
	};
	await Promise.all(Array.from({ length: workflows }, loop));
	const seconds = (Date.now() - started) / 1000;
	const logged = ((await child.control('GET', '/requests')) as { requests: LoggedRequest[] }).requests;
	await child.control('DELETE', '/requests');
	const exchanges = logged.filter((entry) => entry.path === AUTH_PATH && entry.status === 200);
	const rest = logged.filter((entry) => entry.path !== AUTH_PATH);
	if (exchanges.length === 0 || rest.length === 0) throw new Error('No key exchange or no request was logged');
	return {
		workflows,
		runs,
		failed,
		exchanges: exchanges.length,
		lifetimes: lifetimesSpanned(exchanges[0].at, rest[rest.length - 1].at, LIFETIME_SECONDS),
		expired401: rest.filter((entry) => entry.status === 401).length,
		seconds,
	};
}

/**
 * Nexus key exchanges per JWT lifetime during continuous use: the Nexus node (orders, Get Many,
 * Limit 1) run back to back, by one workflow and by several at once, over several lifetimes of a
 * shortened JWT; exchanges counted by the sandbox (successful agent-auth calls).
 */
export async function benchNexusKeyExchanges(nexus: NexusChild, conditions: Condition[]): Promise<BenchRow[]> {
	const { child } = nexus;
	await child.control('POST', '/limits', { authAttemptsPerMinute: 1000 });
	try {
		const rows: BenchRow[] = [];
		for (const { rttMs } of conditions) for (const workflows of [1, 4]) {
			const phase = await runPhase(nexus, workflows, rttMs);
			const perLifetime = phase.exchanges / phase.lifetimes;
			rows.push({
				section: 'exchange',
				rttMs,
				figure:
					`Nexus key exchanges per ${LIFETIME_SECONDS} s JWT lifetime, ${workflows === 1 ? '1 workflow' : `${workflows} parallel workflows`} ` +
					`(${phase.runs} runs in ${phase.seconds.toFixed(0)} s, ${phase.failed} failed, ${phase.expired401} answered 401)`,
				value: `${phase.exchanges} exchanges`,
				baseline: `${phase.lifetimes} lifetimes elapsed`,
				ratio: `${perLifetime.toFixed(2)}/lifetime`,
				target: '1 per lifetime',
				met: phase.exchanges === phase.lifetimes && phase.failed === 0,
			});
		}
		return rows;
	} finally {
		await child.control('POST', '/jwt-lifetime', { seconds: 3600 });
		await child.control('POST', '/expire-tokens');
		await child.control('POST', '/limits', { authAttemptsPerMinute: 10 });
	}
}
