/**
 * The Nexus database schema, with the table and column names of the vendor's agent API reference
 * ("real column names from the production database").
 *
 * - `orders.order_status` is plain text (the reference calls it an enum of pending, confirmed,
 *   fulfilling, shipped, delivered, cancelled; a product page lists other values, so the
 *   sandbox never rejects a status value).
 * - Every table has `organization_id`, `created_at` and `updated_at`; a trigger sets
 *   `updated_at` on update from the server clock with microsecond precision.
 * - Child tables that clients insert without an organization (`order_items`,
 *   `awb_status_logs`, `pick_list_items`) take it from their parent row.
 * - Tables a client may not reach live in the `private` schema (not exposed, like Supabase).
 */
import { MCP_SCHEMA_SQL, MCP_TABLES } from './mcp/schema';

/** Tables in the exposed `public` schema, in dependency order (parents first). */
export const PUBLIC_TABLES = [
	'organizations',
	'customer_journey_stages',
	'lead_sources',
	'customers',
	'warehouses',
	'items',
	'stock_balances',
	'orders',
	'order_items',
	'chats',
	'messages',
	'awbs',
	'awb_status_logs',
	'call_logs',
	'pick_lists',
	'pick_list_items',
	'organization_invites',
	...MCP_TABLES,
] as const;

export type PublicTable = (typeof PUBLIC_TABLES)[number];

/** Timestamp columns every table carries. */
const STAMPS = `
	created_at timestamptz not null default sandbox.now_us(),
	updated_at timestamptz not null default sandbox.now_us()`;

const ORG = `organization_id uuid not null references public.organizations (id) on delete cascade`;

export const SCHEMA_SQL = `
set client_min_messages = warning;
create schema if not exists sandbox;
create schema if not exists private;

-- The transaction's clock. The server sets sandbox.tx_now (microseconds, strictly increasing
-- across transactions) at the start of every API transaction; outside one it is now().
create or replace function sandbox.now_us() returns timestamptz
language sql stable as $fn$
	select coalesce(nullif(current_setting('sandbox.tx_now', true), '')::timestamptz, now())
$fn$;

create or replace function sandbox.set_updated_at() returns trigger
language plpgsql as $fn$
begin
	new.updated_at := sandbox.now_us();
	return new;
end
$fn$;

create sequence if not exists sandbox.order_number_seq start 1001;
create sequence if not exists sandbox.bulk_order_seq start 1;
create sequence if not exists sandbox.pick_list_seq start 1;

create type public.message_type as enum ('text', 'image', 'video', 'document', 'audio', 'template', 'reaction', 'sticker', 'location');
create type public.call_direction as enum ('inbound', 'outbound', 'internal');
create type public.call_status as enum ('answered', 'missed', 'busy', 'failed', 'voicemail');

create table public.organizations (
	id uuid primary key default gen_random_uuid(),
	name text not null,
	slug text unique,
	plan text not null default 'free',
	pbx_number text,
	settings jsonb not null default '{}'::jsonb,${STAMPS}
);

create table public.customer_journey_stages (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	name text not null,
	position integer not null default 0,
	color text,${STAMPS}
);

create table public.lead_sources (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	name text not null,${STAMPS}
);

create table public.customers (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	first_name text,
	last_name text,
	email text,
	phone_number text,
	address jsonb,
	shopify_customer_id text,
	customer_label text,
	journey_stage_id uuid references public.customer_journey_stages (id) on delete set null,
	lead_source_id uuid references public.lead_sources (id) on delete set null,
	assigned_to text,
	customer_score integer not null default 0,
	tags text[] not null default '{}',
	last_contact timestamptz,
	next_follow_up timestamptz,
	notes text,${STAMPS}
);

create table public.warehouses (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	name text not null,
	location text,
	is_active boolean not null default true,${STAMPS}
);

create table public.items (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	name text,
	description text,
	item_no text,
	sku text,
	barcode text,
	category text,
	unit text default 'pcs',
	cost_price numeric(10,2),
	selling_price numeric(10,2),
	min_stock_level integer not null default 0,
	is_active boolean not null default true,${STAMPS}
);

create table public.stock_balances (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	item_id uuid not null references public.items (id) on delete cascade,
	warehouse_id uuid not null references public.warehouses (id) on delete cascade,
	quantity integer not null default 0,
	reserved_quantity integer not null default 0,
	available_quantity integer generated always as (quantity - reserved_quantity) stored,
	last_updated timestamptz not null default sandbox.now_us(),${STAMPS},
	unique (item_id, warehouse_id)
);

create table public.orders (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	customer_id uuid references public.customers (id),
	shopify_order_id text,
	order_number text not null default ('ORD-' || lpad(nextval('sandbox.order_number_seq')::text, 6, '0')),
	order_status text not null default 'pending',
	total_amount numeric(10,2) not null default 0,
	currency text not null default 'USD',
	items jsonb not null default '[]'::jsonb,
	airtable_record_id text,
	awb_number text,
	refund_amount numeric(10,2) not null default 0,${STAMPS},
	unique (organization_id, order_number)
);

create table public.order_items (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	order_id uuid not null references public.orders (id) on delete cascade,
	item_id uuid references public.items (id) on delete set null,
	sku text,
	name text,
	barcode text,
	qty integer not null,
	unit_price numeric(12,2),${STAMPS}
);

create table public.chats (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	platform text not null,
	platform_chat_id text,
	contact_name text,
	contact_phone text,
	contact_platform_id text,
	last_message text,
	last_message_time timestamptz,
	unread_count integer not null default 0,
	is_archived boolean not null default false,
	assigned_to text,${STAMPS}
);

create table public.messages (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	chat_id uuid not null references public.chats (id) on delete cascade,
	content text,
	message_type public.message_type not null default 'text',
	direction text not null default 'inbound',
	status text,
	platform_message_id text,
	media_url text,
	"timestamp" timestamptz not null default sandbox.now_us(),${STAMPS}
);

create table public.awbs (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	awb_number text not null unique,
	order_id uuid references public.orders (id) on delete set null,
	courier_name text,
	courier_tracking_number text,
	status text not null default 'created',
	pickup_date timestamptz,
	delivery_date timestamptz,
	shipping_cost numeric(10,2),${STAMPS}
);

create table public.awb_status_logs (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	awb_id uuid not null references public.awbs (id) on delete cascade,
	status text not null,
	location text,
	notes text,
	"timestamp" timestamptz not null default sandbox.now_us(),${STAMPS}
);

create table public.call_logs (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	customer_id uuid references public.customers (id) on delete set null,
	unique_id text,
	call_date timestamptz not null,
	caller_number text not null,
	called_number text not null,
	extension text,
	direction public.call_direction,
	status public.call_status,
	duration_seconds integer,
	agent_notes text,${STAMPS}
);

create table public.pick_lists (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	order_id uuid not null references public.orders (id) on delete cascade,
	warehouse_id uuid references public.warehouses (id) on delete set null,
	pick_list_number text not null default ('PL-' || lpad(nextval('sandbox.pick_list_seq')::text, 6, '0')),
	status text not null default 'in_progress',
	assigned_to text,
	started_at timestamptz,
	completed_at timestamptz,${STAMPS}
);

create table public.pick_list_items (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	pick_list_id uuid not null references public.pick_lists (id) on delete cascade,
	order_item_id uuid references public.order_items (id) on delete set null,
	item_id uuid references public.items (id) on delete set null,
	sku text,
	name text,
	qty_required integer not null,
	qty_picked integer not null default 0,${STAMPS}
);

create table public.organization_invites (
	id uuid primary key default gen_random_uuid(),
	${ORG},
	email text not null,
	role text not null default 'member',
	status text not null default 'pending',
	token text,
	invited_by text,
	expires_at timestamptz,
	last_sent_at timestamptz,
	resend_count integer not null default 0,${STAMPS}
);

create table private.agent_api_keys (
	id uuid primary key default gen_random_uuid(),
	organization_id uuid not null references public.organizations (id) on delete cascade,
	name text not null,
	key_prefix text not null,
	key_hash text not null unique,
	scopes text[] not null default '{read,write}',
	agent_user_id uuid not null default gen_random_uuid(),
	expires_at timestamptz,
	revoked_at timestamptz,
	last_used_at timestamptz,
	created_at timestamptz not null default sandbox.now_us()
);

create index on public.orders (organization_id, updated_at, id);
create index on public.orders (organization_id, created_at);
create index on public.order_items (order_id);
create index on public.messages (chat_id, "timestamp");
create index on public.awb_status_logs (awb_id);
create index on public.customers (organization_id, phone_number);

-- Child rows take their organization from the parent row. The lookup runs as the table
-- owner (security definer) so a parent of another organization is found, and then the
-- row-level-security check rejects the row instead of a misleading not-null error.
create or replace function sandbox.org_from_parent() returns trigger
language plpgsql security definer set search_path = public as $fn$
declare
	parent_org uuid;
begin
	if new.organization_id is null then
		if tg_table_name = 'order_items' then
			select organization_id into parent_org from public.orders where id = new.order_id;
		elsif tg_table_name = 'awb_status_logs' then
			select organization_id into parent_org from public.awbs where id = new.awb_id;
		elsif tg_table_name = 'pick_list_items' then
			select organization_id into parent_org from public.pick_lists where id = new.pick_list_id;
		end if;
		-- No parent: fall back to the caller's organization so the foreign key reports it (409).
		new.organization_id := coalesce(parent_org,
			(nullif(current_setting('request.jwt.claims', true), '')::json->>'organization_id')::uuid);
	end if;
	return new;
end
$fn$;

create trigger order_items_org before insert on public.order_items for each row execute function sandbox.org_from_parent();
create trigger awb_status_logs_org before insert on public.awb_status_logs for each row execute function sandbox.org_from_parent();
create trigger pick_list_items_org before insert on public.pick_list_items for each row execute function sandbox.org_from_parent();

${['organizations', 'customer_journey_stages', 'lead_sources', 'customers', 'warehouses', 'items', 'stock_balances', 'orders', 'order_items', 'chats', 'messages', 'awbs', 'awb_status_logs', 'call_logs', 'pick_lists', 'pick_list_items', 'organization_invites']
	.map((t) => `create trigger ${t}_updated_at before update on public.${t} for each row execute function sandbox.set_updated_at();`)
	.join('\n')}

${MCP_SCHEMA_SQL}

create table sandbox.meta (key text primary key, value text);
insert into sandbox.meta values ('schema_version', '1');
`;
