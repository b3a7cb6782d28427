/**
 * Demo rows for the MCP-only tables, derived from the organization's other seed rows so that
 * annotations point at real messages and DMs at real members. Ids are stable across starts.
 */
import { createHash } from 'node:crypto';

type Row = Record<string, unknown>;

export function seedUuid(label: string): string {
	const h = createHash('sha256').update(`nexus-sandbox-mcp:${label}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The agent account each seeded API key belongs to (`agent_api_keys.agent_id`). */
export function agentAccountId(orgKey: string): string {
	return seedUuid(`${orgKey}:agent`);
}

export function memberUserId(orgKey: string, n: number): string {
	return seedUuid(`${orgKey}:user:${n}`);
}

const TAGS: Array<[string, string, string]> = [
	['order_status', 'post_sale', 'Asks where an order is or when it arrives'],
	['sizing', 'pre_sale', 'Asks about sizes or availability'],
	['pricing', 'pre_sale', 'Asks about prices or discounts'],
	['complaint', 'support', 'Reports a problem'],
	['thanks', 'support', 'Thanks the team'],
];

function classify(content: string): { tag: string; intent: string; sentiment: string } | undefined {
	const text = content.toLowerCase();
	if (text.includes('on its way')) return { tag: 'order_status', intent: 'track_order', sentiment: 'neutral' };
	if (text.includes('size')) return { tag: 'sizing', intent: 'ask_availability', sentiment: 'neutral' };
	if (text.includes('price')) return { tag: 'pricing', intent: 'ask_price', sentiment: 'neutral' };
	if (text.includes('thank')) return { tag: 'thanks', intent: 'gratitude', sentiment: 'positive' };
	return undefined;
}

function iso(ms: number): string {
	return new Date(ms).toISOString();
}

export function mcpSeedRows(org: { key: string; id: string; slug: string; name: string }, t: Record<string, Row[]>, now: number): Record<string, Row[]> {
	const orgId = org.id;
	const k = org.key;
	const day = 86_400_000;
	const rows: Record<string, Row[]> = {};
	const stamp = (daysAgo: number) => ({ created_at: iso(now - daysAgo * day), updated_at: iso(now - daysAgo * day) });

	rows.organization_members = ['Owner', 'Operations', 'Support'].map((role, i) => ({
		id: seedUuid(`${k}:member:${i}`),
		organization_id: orgId,
		user_id: memberUserId(k, i + 1),
		email: `${role.toLowerCase()}@${org.slug}.example`,
		full_name: `${org.name} ${role}`,
		role: i === 0 ? 'owner' : 'member',
		...stamp(300),
	}));
	rows.agent_accounts = [{ id: agentAccountId(k), organization_id: orgId, name: `Sandbox agent (${org.name})`, is_active: true, ...stamp(200) }];

	rows.social_accounts = (['facebook', 'instagram'] as const).map((platform) => ({
		id: seedUuid(`${k}:social-account:${platform}`),
		organization_id: orgId,
		platform,
		account_name: `${org.slug.replace('-', '')}.${platform}`,
		platform_account_id: createHash('sha256').update(`${k}:${platform}`).digest('hex').replace(/[a-f]/g, '').slice(0, 15),
		is_connected: true,
		...stamp(180),
	}));
	const account = (platform: string) => rows.social_accounts.find((a) => a.platform === platform)?.id;
	const posts: Array<[string, string, string, number | null, number | null]> = [
		['instagram', 'published', 'New arrivals are in! Swipe to see the colours.', 12, null],
		['instagram', 'published', 'Behind the scenes at our warehouse.', 6, null],
		['facebook', 'published', 'Free delivery this weekend on orders over 500 EGP.', 4, null],
		['instagram', 'draft', 'Draft: summer collection teaser', null, null],
		['facebook', 'scheduled', 'Eid sale starts tomorrow!', null, 3],
	];
	rows.social_posts = posts.map(([platform, status, content, publishedDaysAgo, scheduledInDays], i) => ({
		id: seedUuid(`${k}:post:${i}`),
		organization_id: orgId,
		social_account_id: account(platform),
		platform,
		content,
		status,
		scheduled_at: scheduledInDays === null ? null : iso(now + scheduledInDays * day),
		published_at: publishedDaysAgo === null ? null : iso(now - publishedDaysAgo * day),
		platform_post_id: publishedDaysAgo === null ? null : `${platform === 'instagram' ? '179' : '102'}${createHash('sha256').update(`${k}:post:${i}`).digest('hex').replace(/[a-f]/g, '').slice(0, 14)}`,
		permalink: publishedDaysAgo === null ? null : `https://www.${platform}.com/p/${k}${i}`,
		...stamp(publishedDaysAgo ?? 1),
	}));
	rows.social_post_media = rows.social_posts
		.filter((p) => p.platform === 'instagram')
		.map((p, i) => ({ id: seedUuid(`${k}:media:${i}`), organization_id: orgId, post_id: p.id, media_url: `https://cdn.example.com/social/${k}-${i}.jpg`, media_type: 'image', position: 0, ...stamp(5) }));
	rows.social_post_metrics_daily = rows.social_posts
		.filter((p) => p.status === 'published')
		.flatMap((p, i) =>
			[1, 2, 3].map((d) => ({
				id: seedUuid(`${k}:metric:${i}:${d}`),
				organization_id: orgId,
				post_id: p.id,
				metric_date: iso(now - d * day).slice(0, 10),
				impressions: 400 + i * 120 + d * 35,
				reach: 300 + i * 90 + d * 20,
				likes: 20 + i * 7 + d,
				comments: 2 + i + d,
				shares: i + d,
				saves: d,
				...stamp(d),
			})),
		);

	const dm = seedUuid(`${k}:internal:dm`);
	const team = seedUuid(`${k}:internal:team`);
	rows.internal_conversations = [
		{ id: dm, organization_id: orgId, type: 'dm', title: null, last_message_at: iso(now - 0.5 * day), ...stamp(2) },
		{ id: team, organization_id: orgId, type: 'group', title: 'Warehouse team', last_message_at: iso(now - day), ...stamp(10) },
	];
	rows.internal_conversation_participants = [
		{ id: seedUuid(`${k}:p:dm:agent`), organization_id: orgId, conversation_id: dm, user_id: null, agent_account_id: agentAccountId(k), last_read_at: null, ...stamp(2) },
		{ id: seedUuid(`${k}:p:dm:user`), organization_id: orgId, conversation_id: dm, user_id: memberUserId(k, 1), agent_account_id: null, last_read_at: null, ...stamp(2) },
		{ id: seedUuid(`${k}:p:team:1`), organization_id: orgId, conversation_id: team, user_id: memberUserId(k, 2), agent_account_id: null, last_read_at: null, ...stamp(10) },
		{ id: seedUuid(`${k}:p:team:2`), organization_id: orgId, conversation_id: team, user_id: memberUserId(k, 3), agent_account_id: null, last_read_at: null, ...stamp(10) },
	];
	rows.internal_messages = [
		{ id: seedUuid(`${k}:im:1`), organization_id: orgId, conversation_id: dm, sender_id: memberUserId(k, 1), agent_account_id: null, content: 'Please send me the pending orders every morning.', ...stamp(1) },
		{ id: seedUuid(`${k}:im:2`), organization_id: orgId, conversation_id: dm, sender_id: null, agent_account_id: agentAccountId(k), content: 'Will do: 3 orders are pending today.', ...stamp(0.5) },
		{ id: seedUuid(`${k}:im:3`), organization_id: orgId, conversation_id: team, sender_id: memberUserId(k, 2), agent_account_id: null, content: 'Shelf B3 restocked.', ...stamp(1) },
	];

	rows.ai_tag_definitions = [
		...TAGS.map(([tag, category, description]) => ({ id: seedUuid(`${k}:tag:${tag}`), organization_id: orgId, scope: 'message', tag, category, description, is_active: true, ...stamp(100) })),
		{ id: seedUuid(`${k}:tag:legacy`), organization_id: orgId, scope: 'message', tag: 'legacy_promo', category: 'marketing', description: 'Retired campaign tag', is_active: false, ...stamp(100) },
	];
	// Inbound messages of every chat but the last are annotated, so coverage is partial.
	const lastChat = t.chats[t.chats.length - 1]?.id;
	rows.ai_message_annotations = t.messages
		.filter((m) => m.direction === 'inbound' && m.chat_id !== lastChat)
		.flatMap((m) => {
			const c = classify(String(m.content));
			if (!c) return [];
			const category = TAGS.find(([tag]) => tag === c.tag)?.[1] ?? null;
			return [{
				id: seedUuid(`${k}:annotation:${String(m.id)}`), organization_id: orgId, message_id: m.id, chat_id: m.chat_id, tags: [c.tag], tag_group: category,
				intent: c.intent, sentiment: c.sentiment, urgency: 'normal', summary: null, source: 'ai', created_at: m.timestamp, updated_at: m.timestamp,
			}];
		});
	rows.org_ai_prompts = [
		{ id: seedUuid(`${k}:prompt:tag_message`), organization_id: orgId, prompt_key: 'tag_message', prompt_text: 'Tag each customer message with the slugs of the taxonomy that apply.', ...stamp(60) },
		...(k === 'a' ? [{ id: seedUuid(`${k}:prompt:tag_group`), organization_id: orgId, prompt_key: 'tag_group', prompt_text: 'Give the single tag group that best describes the message.', ...stamp(60) }] : []),
	];
	rows.org_ai_profile = [
		{
			id: seedUuid(`${k}:profile`), organization_id: orgId, business_summary: `${org.name} sells online across Egypt.`, customer_summary: 'Mostly repeat buyers on WhatsApp and Instagram.',
			industry: k === 'a' ? 'apparel' : 'electronics', priority_attributes: ['delivery_time', 'sizing'], custom_vocabulary: ['COD', 'AWB'], dashboard_focus_areas: ['order_status', 'pricing'], ...stamp(60),
		},
	];
	return rows;
}
