/** agent-usage: plan, usage counters, remaining capacity and warnings for the organization. */
import { type EdgeHandler, monthStart, ok, orgPlan } from './common';

export const agentUsage: EdgeHandler = async (ctx) =>
	ctx.tx(async (q) => {
		const { plan, limits, name } = await orgPlan(q);
		const since = monthStart(ctx.now());
		const counts = (
			await q.query(
				`select (select count(*)::int from public.customers) as contacts,
					(select count(*)::int from public.orders where created_at >= $1::timestamptz) as orders_this_month,
					(select count(*)::int from public.messages where direction = 'outbound' and "timestamp" >= $1::timestamptz) as outbound_messages_this_month`,
				[since],
			)
		).rows[0];
		const counters: Record<string, { used: number; limit: number | null }> = {
			contacts: { used: Number(counts.contacts), limit: limits.contacts },
			orders_this_month: { used: Number(counts.orders_this_month), limit: limits.ordersPerMonth },
			outbound_messages_this_month: { used: Number(counts.outbound_messages_this_month), limit: limits.outboundMessagesPerMonth },
			api_calls_today: { used: ctx.apiCallsToday(), limit: limits.apiCallsPerDay },
		};
		const remaining: Record<string, number | null> = {};
		const warnings: string[] = [];
		for (const [key, { used, limit }] of Object.entries(counters)) {
			remaining[key] = limit === null ? null : Math.max(0, limit - used);
			if (limit !== null && limit > 0 && used >= limit) warnings.push(`${key} limit reached (${used}/${limit})`);
			else if (limit !== null && limit > 0 && used >= limit * 0.8) warnings.push(`${key} at ${Math.round((used / limit) * 100)}% of the ${plan} plan limit (${used}/${limit})`);
		}
		const d = new Date(ctx.now());
		return ok({
			organization_id: ctx.orgId,
			organization_name: name,
			plan,
			period: { start: since, end: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString() },
			scopes: ctx.claims.agent_scopes ?? [],
			features: { write: limits.write, voip: limits.voip, messaging: limits.outboundMessagesPerMonth !== 0 },
			usage: counters,
			remaining,
			warnings,
			upgrade: plan === 'scale' ? null : { recommended_plan: plan === 'free' ? 'starter' : plan === 'starter' ? 'growth' : 'scale', url: 'https://nexus.aiforstartups.io/settings/billing' },
		});
	});
