/**
 * Runs one operation of either node over several input items at once ("On Error → Continue", so
 * each item is judged on its own), and fingerprints both sandboxes' data so a test can prove a
 * refused input changed nothing.
 */
import { createHash } from 'node:crypto';

import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { jsonOf } from '../harness/engine';
import { startNexTest, NEX_NODE_TYPE, type NexTest } from '../nex/helpers';
import { startNexusTest, type NexusTest } from '../nexus/helpers';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import type { NodeKind } from './operations';

const TRIGGER = 'Start';

export interface EdgeRun {
	items: IDataObject[];
	error?: Error & { description?: string | null };
	/** Everything the sandbox received during the run (agent-auth included), `/__control` excluded. */
	requests: LoggedRequest[];
}

export interface EdgeSandboxes {
	nex: NexTest;
	nexus: NexusTest;
	run(node: NodeKind, parameters: INodeParameters, inputItems: IDataObject[], continueOnFail?: boolean): Promise<EdgeRun>;
	/** A digest of all data the sandbox of `node` holds. */
	fingerprint(node: NodeKind): Promise<string>;
	close(): Promise<void>;
}

function stableText(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) => {
		if (typeof entry === 'bigint') return `${entry.toString()}n`;
		if (entry instanceof Map) return [...entry.entries()].sort(([a], [b]) => String(a).localeCompare(String(b)));
		if (entry instanceof Set) return [...entry].map(String).sort();
		return entry;
	});
}

export async function startEdgeSandboxes(): Promise<EdgeSandboxes> {
	const nex = await startNexTest();
	const nexus = await startNexusTest();

	const runNex = async (parameters: INodeParameters, inputItems: IDataObject[], continueOnFail: boolean): Promise<EdgeRun> => {
		const nodes: INode[] = [
			{ id: 'start', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'nex',
				name: 'Nex',
				type: NEX_NODE_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: { nexApi: nex.credentialFor('full') },
				...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		];
		const since = nex.sandbox.requests.entries.length;
		try {
			const result = await nex.engine.run({
				name: 'Edge test',
				nodes,
				connections: { [TRIGGER]: { main: [[{ node: 'Nex', type: 'main', index: 0 }]] } },
				pinData: { [TRIGGER]: inputItems.map((json) => ({ json })) },
			});
			return { items: jsonOf(result, 'Nex'), error: result.error as EdgeRun['error'], requests: nex.requestsSince(since) };
		} catch (thrown) {
			return { items: [], error: thrown as EdgeRun['error'], requests: nex.requestsSince(since) };
		}
	};

	return {
		nex,
		nexus,
		async run(node, parameters, inputItems, continueOnFail = true) {
			if (node === 'nex') return await runNex(parameters, inputItems, continueOnFail);
			const run = await nexus.run(parameters, { inputItems, continueOnFail });
			return { items: run.items, error: run.error as EdgeRun['error'], requests: run.requests };
		},
		async fingerprint(node) {
			if (node === 'nex') return createHash('sha256').update(stableText(nex.sandbox.store)).digest('hex');
			const tables = (await nexus.sandbox.query(
				`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
			)) as Array<{ name: string }>;
			const digest = createHash('sha256');
			for (const { name } of tables) {
				const [row] = (await nexus.sandbox.query(
					`select count(*)::text as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from public."${name}" t`,
				)) as Array<{ n: string; h: string }>;
				digest.update(`${name}:${row.n}:${row.h}\n`);
			}
			return digest.digest('hex');
		},
		async close() {
			await nex.close();
			await nexus.close();
		},
	};
}
