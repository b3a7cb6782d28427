import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './http';

/** Every scope the Nex Developer API knows (nex-api-overview.txt, nex-llms.txt). */
export const ALL_SCOPES = [
	'object.read',
	'object.write',
	'record.read',
	'record.write',
	'list.read',
	'list.member.read',
	'list.member.write',
	'relationship.read',
	'relationship.write',
	'task.read',
	'task.write',
	'note.read',
	'note.write',
	'integration.read',
	'integration.write',
	'notification.read',
	'notification.write',
	'insight.stream',
] as const;

export type Scope = (typeof ALL_SCOPES)[number];

export const READ_SCOPES: string[] = ALL_SCOPES.filter((s) => s.endsWith('.read'));

/** The demo keys every sandbox starts with (name → key, scopes). */
export const DEMO_KEYS: Record<string, { key: string; scopes: readonly string[] }> = {
	full: { key: 'sk-sandbox-full-0000000000000001', scopes: ALL_SCOPES },
	readOnly: { key: 'sk-sandbox-readonly-00000000002', scopes: READ_SCOPES },
	noInsight: { key: 'sk-sandbox-noinsight-0000000003', scopes: ALL_SCOPES.filter((s) => s !== 'insight.stream') },
	insightOnly: { key: 'sk-sandbox-insightonly-00000004', scopes: ['insight.stream'] },
	noScopes: { key: 'sk-sandbox-noscopes-00000000005', scopes: [] },
};

export interface ApiKey {
	key: string;
	scopes: Set<string>;
	/** Shown in the stream's `: connected ... token_id=` comment. */
	tokenId: bigint;
}

const FIRST_TOKEN_ID = 41207433812870001n;

export class KeyRing {
	private readonly keys = new Map<string, ApiKey>();
	private nextToken = FIRST_TOKEN_ID;

	constructor() {
		this.reset();
	}

	add(key: string, scopes: Iterable<string>): ApiKey {
		const existing = this.keys.get(key);
		const entry: ApiKey = { key, scopes: new Set(scopes), tokenId: existing?.tokenId ?? this.nextToken };
		if (!existing) this.nextToken += 2n;
		this.keys.set(key, entry);
		return entry;
	}

	get(key: string): ApiKey | undefined {
		return this.keys.get(key);
	}

	list(): ApiKey[] {
		return [...this.keys.values()];
	}

	/** Back to the demo keys only. */
	reset(): void {
		this.keys.clear();
		this.nextToken = FIRST_TOKEN_ID;
		for (const { key, scopes } of Object.values(DEMO_KEYS)) this.add(key, scopes);
	}
}

/** `Authorization: Bearer <key>` → the key, or 401. */
export function authenticate(headers: IncomingHttpHeaders, ring: KeyRing): ApiKey {
	const header = headers.authorization;
	if (!header) throw new ApiError(401, 'missing API key: send Authorization: Bearer <key>');
	const m = /^Bearer (\S+)$/.exec(header.trim());
	if (!m) throw new ApiError(401, 'invalid authorization header: expected "Bearer <key>"');
	const key = ring.get(m[1]);
	if (!key) throw new ApiError(401, 'invalid API key');
	return key;
}

/** 403 naming the scope the operation needs. */
export function requireScope(key: ApiKey, scope: string): void {
	if (!key.scopes.has(scope)) {
		throw new ApiError(403, `API key is missing the required scope: ${scope}`);
	}
}
