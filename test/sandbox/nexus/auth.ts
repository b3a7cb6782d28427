/**
 * Agent auth: `nxs_ak_` keys exchanged for HS256 JWTs signed with the project secret, and the
 * JWT checks PostgREST and the functions gateway make.
 */
import { createHash, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** The Supabase CLI's local-development JWT secret; its anon key is the well-known demo key. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

export const API_KEY_PATTERN = /^nxs_ak_[A-Za-z0-9]{48}$/;

export function makeAnonKey(secret: string): string {
	return jwt.sign({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 }, secret, { algorithm: 'HS256', noTimestamp: true });
}

export function hashApiKey(key: string): string {
	return createHash('sha256').update(key).digest('hex');
}

/** A deterministic `nxs_ak_` + 48 alphanumerics key for a seed label. */
export function deterministicApiKey(label: string): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	let out = '';
	let block = 0;
	while (out.length < 48) {
		const digest = createHash('sha256').update(`${label}:${block++}`).digest();
		for (const byte of digest) {
			if (out.length < 48 && byte < 248) out += alphabet[byte % 62];
		}
	}
	return `nxs_ak_${out}`;
}

export interface AgentClaims {
	sub: string;
	role: string;
	aud?: string;
	organization_id?: string;
	org_role?: string;
	agent_scopes?: string[];
	api_key_id?: string;
	iat?: number;
	exp?: number;
	jti?: string;
	[key: string]: unknown;
}

export type VerifyResult =
	| { ok: true; claims: AgentClaims }
	| { ok: false; reason: 'expired' | 'invalid'; message: string };

export class JwtService {
	private issued = new Set<string>();
	private revoked = new Set<string>();
	exchanges = 0;

	constructor(
		readonly secret: string,
		public lifetimeSeconds: number,
	) {}

	issue(input: { organizationId: string; agentUserId: string; apiKeyId: string; scopes: string[] }): {
		access_token: string;
		organization_id: string;
		expires_in: number;
	} {
		const now = Math.floor(Date.now() / 1000);
		const jti = randomUUID();
		const claims: AgentClaims = {
			iss: 'nexus-agent-auth',
			sub: input.agentUserId,
			aud: 'authenticated',
			role: 'authenticated',
			organization_id: input.organizationId,
			org_role: 'agent',
			agent_scopes: input.scopes,
			api_key_id: input.apiKeyId,
			iat: now,
			exp: now + this.lifetimeSeconds,
			jti,
		};
		this.issued.add(jti);
		this.exchanges += 1;
		return {
			access_token: jwt.sign(claims, this.secret, { algorithm: 'HS256' }),
			organization_id: input.organizationId,
			expires_in: this.lifetimeSeconds,
		};
	}

	/** Every token issued so far answers "JWT expired" from now on. */
	expireAll(): void {
		for (const jti of this.issued) this.revoked.add(jti);
	}

	reset(lifetimeSeconds: number): void {
		this.issued.clear();
		this.revoked.clear();
		this.exchanges = 0;
		this.lifetimeSeconds = lifetimeSeconds;
	}

	verify(token: string): VerifyResult {
		const parts = token.split('.');
		if (parts.length !== 3) return { ok: false, reason: 'invalid', message: `Expected 3 parts in JWT; got ${parts.length}` };
		let claims: AgentClaims;
		try {
			claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], ignoreExpiration: true }) as AgentClaims;
		} catch (error) {
			const message = error instanceof Error && /signature/i.test(error.message) ? 'JWSError JWSInvalidSignature' : 'JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got 1)';
			return { ok: false, reason: 'invalid', message };
		}
		if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'invalid', message: 'JWSError JWSInvalidSignature' };
		const now = Date.now() / 1000;
		if (typeof claims.exp === 'number' && now >= claims.exp) return { ok: false, reason: 'expired', message: 'JWT expired' };
		if (typeof claims.jti === 'string' && this.revoked.has(claims.jti)) return { ok: false, reason: 'expired', message: 'JWT expired' };
		return { ok: true, claims };
	}
}

/**
 * Sliding one-minute windows per key (auth attempts per IP, requests per user per org). The
 * window can be scaled down (100 per 6 s keeps the ratio of 100 per minute) for runs that must stay short.
 */
export class SlidingWindow {
	private hits = new Map<string, number[]>();

	constructor(
		public limit: number,
		public windowMs = 60_000,
	) {}

	/** "per minute", or the scaled window ("per 6 s"). */
	get per(): string {
		return this.windowMs === 60_000 ? 'per minute' : `per ${this.windowMs / 1000} s`;
	}

	/** Records a hit; answers the seconds to wait when the key is over its limit. */
	hit(key: string, now = Date.now()): { ok: true; remaining: number } | { ok: false; retryAfter: number } {
		if (this.limit <= 0) return { ok: true, remaining: Infinity };
		const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
		if (recent.length >= this.limit) {
			this.hits.set(key, recent);
			return { ok: false, retryAfter: Math.max(1, Math.ceil((recent[0] + this.windowMs - now) / 1000)) };
		}
		recent.push(now);
		this.hits.set(key, recent);
		return { ok: true, remaining: this.limit - recent.length };
	}

	clear(): void {
		this.hits.clear();
	}
}
