import type { AgentClaims } from '../auth';
import type { SqlRunner } from '../db';
import { type ApiRequest, EdgeError, type Reply } from '../http';

export interface PlanLimits {
	contacts: number | null;
	ordersPerMonth: number | null;
	outboundMessagesPerMonth: number | null;
	apiCallsPerDay: number | null;
	voip: boolean;
	write: boolean;
}

/** Plans and limits from the vendor's product overview ("Pricing"). */
export const PLANS: Record<string, PlanLimits> = {
	free: { contacts: 50, ordersPerMonth: 25, outboundMessagesPerMonth: 0, apiCallsPerDay: 500, voip: false, write: false },
	starter: { contacts: 500, ordersPerMonth: 200, outboundMessagesPerMonth: 1000, apiCallsPerDay: 5000, voip: false, write: true },
	growth: { contacts: 5000, ordersPerMonth: null, outboundMessagesPerMonth: 5000, apiCallsPerDay: 25000, voip: true, write: true },
	scale: { contacts: null, ordersPerMonth: null, outboundMessagesPerMonth: null, apiCallsPerDay: null, voip: true, write: true },
};

export interface EdgeContext {
	req: ApiRequest;
	/** Parsed JSON body ({} when empty). */
	body: Record<string, unknown>;
	query: URLSearchParams;
	claims: AgentClaims;
	orgId: string;
	/** Runs `fn` in a transaction as the caller (`authenticated`, RLS on). */
	tx<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T>;
	/** API calls the organization made today (counted by the server). */
	apiCallsToday(): number;
	/** The transaction clock as ISO text (for values computed in code). */
	now(): string;
}

export type EdgeHandler = (ctx: EdgeContext) => Promise<Reply>;

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const E164_RE = /^\+[1-9][0-9]{6,14}$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requireString(body: Record<string, unknown>, name: string, opts: { max?: number } = {}): string {
	const v = body[name];
	if (v === undefined || v === null || v === '') throw new EdgeError(400, 'validation_error', `${name} is required`);
	if (typeof v !== 'string') throw new EdgeError(400, 'validation_error', `${name} must be a string`);
	if (opts.max !== undefined && v.length > opts.max) throw new EdgeError(400, 'validation_error', `${name} must be at most ${opts.max} characters`);
	return v;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
	const v = body[name];
	if (v === undefined || v === null || v === '') return undefined;
	if (typeof v !== 'string') throw new EdgeError(400, 'validation_error', `${name} must be a string`);
	return v;
}

export function requireUuid(body: Record<string, unknown>, name: string): string {
	const v = requireString(body, name);
	if (!UUID_RE.test(v)) throw new EdgeError(400, 'validation_error', `${name} must be a UUID`);
	return v.toLowerCase();
}

export function requirePhone(body: Record<string, unknown>, name: string): string {
	const v = requireString(body, name);
	if (!E164_RE.test(v)) throw new EdgeError(400, 'invalid_phone_number', `${name} must be in E.164 format, for example +201234567890`);
	return v;
}

export function requireScope(ctx: EdgeContext, scope: 'write' | 'admin'): void {
	const scopes = Array.isArray(ctx.claims.agent_scopes) ? ctx.claims.agent_scopes : [];
	const ok = scope === 'write' ? scopes.includes('write') || scopes.includes('admin') : scopes.includes('admin');
	if (!ok) throw new EdgeError(403, 'insufficient_scope', `This action requires the '${scope}' scope`);
}

export async function orgPlan(q: SqlRunner): Promise<{ plan: string; limits: PlanLimits; pbxNumber: string | null; name: string }> {
	const r = await q.query('select name, plan, pbx_number from public.organizations limit 1');
	const row = r.rows[0] ?? { plan: 'free', pbx_number: null, name: '' };
	const plan = String(row.plan);
	return { plan, limits: PLANS[plan] ?? PLANS.free, pbxNumber: (row.pbx_number as string | null) ?? null, name: String(row.name) };
}

export function monthStart(nowIso: string): string {
	const d = new Date(nowIso);
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)).toISOString();
}

/** Random alphanumerics for platform ids (not security sensitive). */
export function randomToken(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
	return out;
}

export function ok(value: Record<string, unknown>, status = 200): Reply {
	return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

/** Parses a JSON row the database rendered (row_to_json(...)::text) without touching values. */
export function rowJson(text: unknown): Record<string, unknown> {
	return JSON.parse(String(text)) as Record<string, unknown>;
}
