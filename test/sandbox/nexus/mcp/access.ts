/**
 * Who may call what. Key scopes: read < write < admin (the reference's scope model). Plans cap
 * them (the product overview: free is read-only MCP, starter read+write, growth and scale
 * full), and social tools need the starter plan.
 */
import { type Access, type ToolDef, ToolError } from './toolkit';

const RANK: Record<Access, number> = { read: 1, write: 2, admin: 3 };
const PLAN_CEILING: Record<string, number> = { free: 1, starter: 2, growth: 3, scale: 3 };
const PLAN_ORDER = ['free', 'starter', 'growth', 'scale'];

function keyRank(scopes: unknown): number {
	const list = Array.isArray(scopes) ? scopes.map(String) : [];
	return Math.max(0, ...list.map((s) => RANK[s as Access] ?? 0));
}

/** The refusal for this call, or undefined when it may run. */
export function refusal(tool: Pick<ToolDef, 'name' | 'access' | 'minPlan'>, scopes: unknown, plan: string): ToolError | undefined {
	const planIndex = Math.max(0, PLAN_ORDER.indexOf(plan));
	if (tool.minPlan && planIndex < PLAN_ORDER.indexOf(tool.minPlan)) {
		return new ToolError('plan_upgrade_required', `${tool.name} needs the ${tool.minPlan} plan or above; this organization is on the ${plan} plan`);
	}
	const need = RANK[tool.access];
	const fromKey = keyRank(scopes);
	if (fromKey < need) {
		const has = Array.isArray(scopes) && scopes.length ? scopes.join(', ') : 'no scopes';
		return new ToolError('insufficient_scope', `${tool.name} needs the '${tool.access}' scope; this API key has ${has}`);
	}
	if ((PLAN_CEILING[plan] ?? 1) < need) {
		return new ToolError('plan_scope_limit', `${tool.name} needs the '${tool.access}' scope, which the ${plan} plan does not allow over MCP`);
	}
	return undefined;
}
