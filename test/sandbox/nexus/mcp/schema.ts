/**
 * Tables behind the MCP tools whose columns the vendor does not document (social, internal team
 * chat, conversation intelligence), and the two documented RPCs. Table names are the vendor's;
 * columns are the ones the reference names plus what a tool needs (listed in the README).
 */

/** Appended to PUBLIC_TABLES, parents first. */
export const MCP_TABLES = [
	'organization_members',
	'agent_accounts',
	'social_accounts',
	'social_posts',
	'social_post_media',
	'social_post_metrics_daily',
	'internal_conversations',
	'internal_conversation_participants',
	'internal_messages',
	'ai_tag_definitions',
	'ai_message_annotations',
	'org_ai_prompts',
	'org_ai_profile',
] as const;

const STAMPS = `
	created_at timestamptz not null default sandbox.now_us(),
	updated_at timestamptz not null default sandbox.now_us()`;

const ORG = `organization_id uuid not null references public.organizations (id) on delete cascade`;

/** Counts of `col` values (or of unnested array elements) as [{key, count}], most frequent first. */
function countsJson(keyName: string, from: string, expr: string): string {
	return `coalesce((select jsonb_agg(jsonb_build_object('${keyName}', k, 'count', n) order by n desc, k)
		from (select ${expr} as k, count(*)::int as n from ${from} group by 1) c where k is not null), '[]'::jsonb)`;
}

export const MCP_SCHEMA_SQL = `
create table public.organization_members (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	user_id uuid not null,
	email text not null,
	full_name text,
	role text not null default 'member',${STAMPS},
	unique (organization_id, user_id)
);

create table public.agent_accounts (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	name text not null,
	is_active boolean not null default true,${STAMPS}
);

-- The reference: agent_api_keys.agent_id -> agent_accounts.id (the internal-chat prerequisite).
alter table private.agent_api_keys add column agent_id uuid references public.agent_accounts (id) on delete set null;

create table public.social_accounts (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	platform text not null check (platform in ('facebook', 'instagram', 'twitter', 'linkedin')),
	account_name text,
	platform_account_id text,
	is_connected boolean not null default true,${STAMPS}
);

create table public.social_posts (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	social_account_id uuid references public.social_accounts (id) on delete set null,
	platform text not null check (platform in ('facebook', 'instagram', 'twitter', 'linkedin')),
	content text,
	status text not null default 'draft',
	scheduled_at timestamptz,
	published_at timestamptz,
	platform_post_id text,
	permalink text,${STAMPS},
	unique (organization_id, platform, platform_post_id)
);

create table public.social_post_media (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	post_id uuid not null references public.social_posts (id) on delete cascade,
	media_url text not null,
	media_type text not null default 'image',
	position integer not null default 0,${STAMPS}
);

create table public.social_post_metrics_daily (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	post_id uuid not null references public.social_posts (id) on delete cascade,
	metric_date date not null,
	impressions integer not null default 0,
	reach integer not null default 0,
	likes integer not null default 0,
	comments integer not null default 0,
	shares integer not null default 0,
	saves integer not null default 0,${STAMPS},
	unique (post_id, metric_date)
);

create table public.internal_conversations (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	type text not null default 'dm',
	title text,
	last_message_at timestamptz,${STAMPS}
);

create table public.internal_conversation_participants (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	conversation_id uuid not null references public.internal_conversations (id) on delete cascade,
	user_id uuid,
	agent_account_id uuid references public.agent_accounts (id) on delete cascade,
	last_read_at timestamptz,${STAMPS},
	check (user_id is not null or agent_account_id is not null)
);

-- Agent messages carry agent_account_id with sender_id null (the reference).
create table public.internal_messages (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	conversation_id uuid not null references public.internal_conversations (id) on delete cascade,
	sender_id uuid,
	agent_account_id uuid references public.agent_accounts (id) on delete set null,
	content text not null,${STAMPS}
);

create table public.ai_tag_definitions (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	scope text not null default 'message',
	tag text not null,
	category text,
	description text,
	is_active boolean not null default true,${STAMPS},
	unique (organization_id, scope, tag)
);

create table public.ai_message_annotations (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	message_id uuid not null unique references public.messages (id) on delete cascade,
	chat_id uuid references public.chats (id) on delete cascade,
	tags text[] not null default '{}',
	tag_group text,
	intent text,
	sentiment text,
	urgency text,
	summary text,
	source text not null default 'ai',${STAMPS}
);

create table public.org_ai_prompts (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	prompt_key text not null check (prompt_key in ('tag_message', 'tag_group')),
	prompt_text text not null,${STAMPS},
	unique (organization_id, prompt_key)
);

create table public.org_ai_profile (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	business_summary text,
	customer_summary text,
	industry text,
	priority_attributes text[] not null default '{}',
	custom_vocabulary text[] not null default '{}',
	dashboard_focus_areas text[] not null default '{}',${STAMPS},
	unique (organization_id)
);

${MCP_TABLES.map((t) => `create trigger ${t}_updated_at before update on public.${t} for each row execute function sandbox.set_updated_at();`).join('\n')}

-- Runs as the caller: row-level security scopes every figure to the JWT's organization.
create or replace function public.rpc_ai_get_customer_intelligence(p_customer_id uuid default null, p_chat_id uuid default null, p_days integer default 30)
returns jsonb language plpgsql stable security invoker set search_path = public, sandbox as $fn$
declare
	v_since timestamptz := sandbox.now_us() - make_interval(days => greatest(coalesce(p_days, 30), 1));
	v_phone text;
	v_name text;
	v_chats uuid[];
	v_result jsonb;
begin
	if p_customer_id is null and p_chat_id is null then
		raise exception 'p_customer_id or p_chat_id is required' using errcode = '22023';
	end if;
	if p_customer_id is not null then
		select c.phone_number, lower(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, ''))) into v_phone, v_name
		from customers c where c.id = p_customer_id;
		if not found then
			raise exception 'Customer % not found', p_customer_id using errcode = 'P0001';
		end if;
	end if;
	select coalesce(array_agg(ch.id order by ch.id), '{}') into v_chats from chats ch
	where (p_chat_id is null or ch.id = p_chat_id)
		and (p_customer_id is null or ch.contact_phone = v_phone or lower(ch.contact_name) = v_name);
	with m as (select * from messages where chat_id = any(v_chats) and "timestamp" >= v_since),
	a as (select an.*, m."timestamp" as message_time from ai_message_annotations an join m on m.id = an.message_id)
	select jsonb_build_object(
		'customer_id', p_customer_id,
		'chat_ids', to_jsonb(v_chats),
		'period_days', coalesce(p_days, 30),
		'since', v_since,
		'messages', jsonb_build_object(
			'total', (select count(*) from m),
			'inbound', (select count(*) from m where direction = 'inbound'),
			'outbound', (select count(*) from m where direction = 'outbound')),
		'last_message_at', (select max("timestamp") from m),
		'annotated_messages', (select count(*) from a),
		'top_tags', ${countsJson('tag', 'a', 'unnest(tags)')},
		'tag_groups', ${countsJson('tag_group', 'a', 'tag_group')},
		'intents', ${countsJson('intent', 'a', 'intent')},
		'sentiment', ${countsJson('sentiment', 'a', 'sentiment')},
		'latest_intent', (select intent from a where intent is not null order by message_time desc limit 1)
	) into v_result;
	return v_result;
end
$fn$;

create or replace function public.rpc_ai_get_conversation_dashboard(p_from timestamptz default null, p_to timestamptz default null, p_platform text default null)
returns jsonb language plpgsql stable security invoker set search_path = public, sandbox as $fn$
declare
	v_to timestamptz := coalesce(p_to, sandbox.now_us());
	v_from timestamptz := coalesce(p_from, coalesce(p_to, sandbox.now_us()) - interval '30 days');
	v_result jsonb;
begin
	if v_from > v_to then
		raise exception 'p_from (%) is after p_to (%)', v_from, v_to using errcode = '22023';
	end if;
	with m as (select m.*, ch.platform from messages m join chats ch on ch.id = m.chat_id
		where m."timestamp" >= v_from and m."timestamp" <= v_to and (p_platform is null or ch.platform = p_platform)),
	a as (select an.*, m."timestamp" as message_time from ai_message_annotations an join m on m.id = an.message_id)
	select jsonb_build_object(
		'from', v_from,
		'to', v_to,
		'platform', p_platform,
		'conversations', (select count(distinct chat_id) from m),
		'messages', jsonb_build_object(
			'total', (select count(*) from m),
			'inbound', (select count(*) from m where direction = 'inbound'),
			'outbound', (select count(*) from m where direction = 'outbound')),
		'annotated_messages', (select count(*) from a),
		'by_platform', coalesce((select jsonb_agg(jsonb_build_object('platform', platform, 'conversations', c, 'messages', n) order by platform)
			from (select platform, count(distinct chat_id)::int as c, count(*)::int as n from m group by platform) p), '[]'::jsonb),
		'top_tags', ${countsJson('tag', 'a', 'unnest(tags)')},
		'tag_groups', ${countsJson('tag_group', 'a', 'tag_group')},
		'intents', ${countsJson('intent', 'a', 'intent')},
		'sentiment', ${countsJson('sentiment', 'a', 'sentiment')},
		'daily', coalesce((select jsonb_agg(jsonb_build_object('date', d, 'messages', n, 'annotated', an) order by d)
			from (select ("timestamp" at time zone 'UTC')::date as d, count(*)::int as n,
				count(*) filter (where exists (select 1 from a where a.message_id = m.id))::int as an from m group by 1) x), '[]'::jsonb)
	) into v_result;
	return v_result;
end
$fn$;

grant execute on function public.rpc_ai_get_customer_intelligence(uuid, uuid, integer) to authenticated;
grant execute on function public.rpc_ai_get_conversation_dashboard(timestamptz, timestamptz, text) to authenticated;
revoke execute on function public.rpc_ai_get_customer_intelligence(uuid, uuid, integer) from public, anon;
revoke execute on function public.rpc_ai_get_conversation_dashboard(timestamptz, timestamptz, text) from public, anon;
`;
