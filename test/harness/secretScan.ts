import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData, IRun } from 'n8n-workflow';

import { JwtService } from '../sandbox/nexus/auth';
import type { NexusSandbox } from '../sandbox/nexus';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import type { WorkflowResult } from './engine';
import { safeStringify } from './logCapture';

/**
 * The secrets scan: collects every text a user or an operator could see (node outputs, errors with
 * their description, stack, context and cause chain, log lines) and looks in it for the secrets
 * the tests used: API keys, the anon key, every JWT the Nexus sandbox issued and its signature.
 * A finding names the secret and where it was, never the secret itself.
 */

/** Recognisable fake keys: if one shows up in a report, it is obvious what leaked. */
export const FAKE_NEX_KEY = 'sk-FAKE-secretscan-nex-key-7f3a9c1e5b2d4f6a8c0e';
export const FAKE_NEXUS_KEY = `nxs_ak_${'SecretScanFakeNexusAgentKey'.padEnd(48, '7')}`;

export interface Finding {
	secret: string;
	where: string;
	/** The text around the finding, with every secret replaced by its name. */
	excerpt: string;
}

export interface ScanStats {
	texts: number;
	outputs: number;
	errors: number;
	logLines: number;
	debugLines: number;
}

export class SecretScan {
	private readonly secrets = new Map<string, string>();

	private readonly texts: Array<{ where: string; text: string }> = [];

	private readonly counts = { outputs: 0, errors: 0, logLines: 0, debugLines: 0 };

	/** A secret to look for (values shorter than 12 characters would match by chance and are refused). */
	addSecret(name: string, value: string | undefined): this {
		if (value === undefined || value === '') return this;
		if (value.length < 12) throw new Error(`The secret "${name}" is too short to scan for`);
		if (!this.secrets.has(value)) this.secrets.set(value, name);
		return this;
	}

	/** A JWT and its signature part alone (a signature is enough to forge nothing, but it is the token's secret half). */
	addJwt(name: string, token: string): this {
		this.addSecret(name, token);
		const signature = token.split('.')[2];
		if (signature) this.addSecret(`${name} (signature)`, signature);
		return this;
	}

	get secretCount(): number {
		return this.secrets.size;
	}

	get stats(): ScanStats {
		return { texts: this.texts.length, ...this.counts };
	}

	addText(where: string, text: string | undefined): void {
		if (text !== undefined && text !== '') this.texts.push({ where, text });
	}

	/** Output items (their json and anything else they carry). */
	collectItems(where: string, items: Array<INodeExecutionData | IDataObject> | null | undefined): void {
		for (const item of items ?? []) {
			this.counts.outputs++;
			this.addText(where, safeStringify(item));
		}
	}

	/** An error: message, description, stack, context and the whole cause chain, raw. */
	collectError(where: string, error: unknown): void {
		if (error === undefined || error === null) return;
		this.counts.errors++;
		this.addText(where, safeStringify(error));
		let current: unknown = error;
		for (let depth = 0; current instanceof Error && depth < 8; depth++) {
			const described = current as Error & { description?: unknown; context?: unknown };
			this.addText(`${where} (message)`, described.message);
			this.addText(`${where} (stack)`, described.stack);
			if (typeof described.description === 'string') this.addText(`${where} (description)`, described.description);
			if (described.context !== undefined) this.addText(`${where} (context)`, safeStringify(described.context));
			current = described.cause;
		}
	}

	/** A whole execution: every node's output and error, and the execution's error. */
	collectRun(where: string, run: IRun | WorkflowResult | undefined): void {
		if (!run) return;
		const execution = 'run' in run ? run.run : run;
		const resultData = execution.data.resultData;
		for (const [nodeName, taskRuns] of Object.entries(resultData.runData)) {
			for (const task of taskRuns) {
				for (const output of task.data?.main ?? []) this.collectItems(`${where} → ${nodeName} output`, output ?? []);
				if (task.error) this.collectError(`${where} → ${nodeName} error`, task.error);
			}
		}
		if (resultData.error) this.collectError(`${where} → execution error`, resultData.error);
		// Whatever else the execution keeps (pinned data, metadata...).
		this.addText(`${where} → execution data`, safeStringify(execution.data));
	}

	collectLogs(where: string, lines: string[]): void {
		for (const line of lines) {
			this.counts.logLines++;
			if (/^(di-)?debug /.test(line)) this.counts.debugLines++;
			this.addText(where, line);
		}
	}

	findings(): Finding[] {
		const found: Finding[] = [];
		for (const { where, text } of this.texts) {
			for (const [value, name] of this.secrets) {
				const at = text.indexOf(value);
				if (at === -1) continue;
				const excerpt = this.mask(text.slice(Math.max(0, at - 80), at + value.length + 80));
				found.push({ secret: name, where, excerpt });
			}
		}
		return found;
	}

	/** The text with every secret replaced by «its name», safe to print. */
	mask(text: string): string {
		let masked = text;
		// Longest first, so a token is masked whole before its signature is.
		for (const [value, name] of [...this.secrets].sort((a, b) => b[0].length - a[0].length)) {
			masked = masked.split(value).join(`«${name}»`);
		}
		return masked;
	}
}

/** Every access token the Nexus sandbox's agent-auth issues while `record` is on (in this process). */
export function recordIssuedJwts(onToken: (token: string) => void): () => void {
	const original = JwtService.prototype.issue;
	JwtService.prototype.issue = function (this: JwtService, ...args: Parameters<JwtService['issue']>) {
		const answer = original.apply(this, args);
		onToken(answer.access_token);
		return answer;
	};
	return () => {
		JwtService.prototype.issue = original;
	};
}

/** The bearer tokens and `apikey` values requests carried (to cross-check the issued ones). */
export function credentialsSeenBy(requests: LoggedRequest[]): string[] {
	const values = new Set<string>();
	for (const entry of requests) {
		for (const name of ['authorization', 'apikey']) {
			const raw = entry.headers[name];
			for (const value of Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]) {
				values.add(value.replace(/^Bearer\s+/i, '').trim());
			}
		}
	}
	values.delete('');
	return [...values];
}

/** Registers an agent API key for an organization of the Nexus sandbox (as an admin creating one in Nexus). */
export async function addNexusAgentKey(sandbox: NexusSandbox, key: string, org: 'a' | 'b' = 'a'): Promise<void> {
	const organization = sandbox.orgs[org].id;
	// The same agent as the seeded key, its agent account included (internal chat needs one).
	const [seeded] = await sandbox.query('select agent_user_id::text as agent, agent_id::text as account from private.agent_api_keys where organization_id = $1 limit 1', [organization]);
	await sandbox.query(
		`insert into private.agent_api_keys (organization_id, name, key_prefix, key_hash, scopes, agent_user_id, agent_id)
		values ($1::uuid, 'Secret scan', $2, $3, '{read,write}', $4::uuid, $5::uuid)
		on conflict (key_hash) do nothing`,
		[organization, key.slice(0, 12), createHash('sha256').update(key).digest('hex'), seeded.agent, seeded.account],
	);
}

/** A readable report of findings for a failing assertion (secrets masked). */
export function describeFindings(findings: Finding[]): string {
	return findings
		.slice(0, 20)
		.map((finding) => `${finding.secret} in ${finding.where}: …${finding.excerpt}…`)
		.join('\n');
}
