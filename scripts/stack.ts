/**
 * What the demo and the end-to-end tests both set up around a real n8n: the two sandboxes,
 * credentials pointing at them, and the example workflows from examples/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startNexSandbox, type NexSandbox, type NexSandboxOptions } from '../test/sandbox/nex';
import { startNexusSandbox, type NexusSandbox, type NexusSandboxOptions } from '../test/sandbox/nexus';
import { ROOT, type CredentialImport } from './n8n';

export const EXAMPLES_DIR = join(ROOT, 'examples');

/** The credentials every example workflow refers to (ids and names as in the JSON files). */
export const EXAMPLE_CREDENTIALS = {
	nexApi: { id: 'nexDemoAccount01', name: 'Nex account' },
	nexusApi: { id: 'nexusDemoAcct001', name: 'Nexus account' },
} as const;

export interface Sandboxes {
	nex: NexSandbox;
	nexus: NexusSandbox;
	close(): Promise<void>;
}

export async function startSandboxes(
	options: { nex?: NexSandboxOptions; nexus?: NexusSandboxOptions } = {},
): Promise<Sandboxes> {
	const nex = await startNexSandbox({ port: 0, ...options.nex });
	let nexus: NexusSandbox;
	try {
		nexus = await startNexusSandbox({ port: 0, ...options.nexus });
	} catch (error) {
		await nex.close();
		throw error;
	}
	return {
		nex,
		nexus,
		close: async () => {
			await Promise.allSettled([nex.close(), nexus.close()]);
		},
	};
}

/** The example credentials, filled with the sandboxes' URLs and demo keys. */
export function sandboxCredentials(sandboxes: Pick<Sandboxes, 'nex' | 'nexus'>): CredentialImport[] {
	return [
		{
			...EXAMPLE_CREDENTIALS.nexApi,
			type: 'nexApi',
			data: { apiKey: sandboxes.nex.keys.full, baseUrl: sandboxes.nex.baseUrl },
		},
		{
			...EXAMPLE_CREDENTIALS.nexusApi,
			type: 'nexusApi',
			data: {
				apiKey: sandboxes.nexus.orgs.a.apiKey,
				anonApiKey: sandboxes.nexus.anonKey,
				baseUrl: sandboxes.nexus.baseUrl,
			},
		},
	];
}

export interface ExampleWorkflow {
	file: string;
	workflow: WorkflowJson;
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	active?: boolean;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** Every example workflow (examples/*.json), in file-name order. */
export function loadExamples(): ExampleWorkflow[] {
	let files: string[];
	try {
		files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
	} catch {
		return [];
	}
	return files.sort().map((file) => ({
		file,
		workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson,
	}));
}

/**
 * The examples as the demo imports them: inactive, and dated so that n8n's workflow list (last
 * updated first, the default of n8n 2.x and 1.123) shows them in file order, example 1 (the
 * workflow the demo suggests trying first) at the top. n8n's import keeps these dates; without
 * them every workflow gets the instant it was written, in an order the import does not fix.
 */
export function examplesForImport(examples: ExampleWorkflow[], now: Date): WorkflowJson[] {
	return examples.map(({ workflow }, index) => {
		const at = new Date(now.getTime() - index * 1000).toISOString();
		return { ...workflow, active: false, createdAt: at, updatedAt: at };
	});
}

/** Node types of this package a workflow uses. */
export function packageNodeTypes(workflow: WorkflowJson, packageName: string): string[] {
	return workflow.nodes.map((node) => node.type).filter((type) => type.startsWith(`${packageName}.`));
}

/** A contact created now in the Nexus sandbox (the hourly contact-sync example looks for these). */
export async function addRecentContact(nexus: NexusSandbox, firstName: string, lastName: string): Promise<{ id: string; email: string }> {
	const email = `${firstName}.${lastName}.${Date.now().toString(36)}@example.com`.toLowerCase();
	const [row] = (await nexus.query(
		`insert into public.customers (organization_id, first_name, last_name, email) values ($1::uuid, $2, $3, $4) returning id::text, email`,
		[nexus.orgs.a.id, firstName, lastName, email],
	)) as Array<{ id: string; email: string }>;
	return row;
}
