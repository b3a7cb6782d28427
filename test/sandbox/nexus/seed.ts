/**
 * Demo data: two organizations with realistic rows in every table, generated from a fixed
 * PRNG seed (same ids and values on every start; timestamps are relative to now).
 */
import { deterministicApiKey, hashApiKey } from './auth';
import type { SqlRunner } from './db';
import { agentAccountId, mcpSeedRows } from './mcp/seed';
import { MCP_TABLES } from './mcp/schema';
import { qi } from './postgrest/sql';

export type OrgKey = 'a' | 'b';

export interface SeedOrg {
	key: OrgKey;
	id: string;
	name: string;
	slug: string;
	plan: string;
	pbxNumber: string;
	apiKey: string;
	currency: string;
}

export const SEED_ORGS: Record<OrgKey, SeedOrg> = {
	a: {
		key: 'a',
		id: '0b7c4d2e-1a3f-4c5d-8e9f-a1b2c3d4e5f6',
		name: 'Cairo Threads',
		slug: 'cairo-threads',
		plan: 'growth',
		pbxNumber: '+20225550100',
		apiKey: deterministicApiKey('nexus-sandbox-org-a'),
		currency: 'EGP',
	},
	b: {
		key: 'b',
		id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
		name: 'Nile Gadgets',
		slug: 'nile-gadgets',
		plan: 'starter',
		pbxNumber: '+20235550200',
		apiKey: deterministicApiKey('nexus-sandbox-org-b'),
		currency: 'EGP',
	},
};

export const ORDER_STATUSES = ['pending', 'confirmed', 'fulfilling', 'shipped', 'delivered', 'cancelled'] as const;

function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

class Gen {
	private r: () => number;
	constructor(seed: number) {
		this.r = prng(seed);
	}
	next(): number {
		return this.r();
	}
	int(min: number, max: number): number {
		return min + Math.floor(this.r() * (max - min + 1));
	}
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.r() * list.length)];
	}
	uuid(): string {
		const hex = Array.from({ length: 32 }, () => Math.floor(this.r() * 16).toString(16));
		hex[12] = '4';
		hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
		const s = hex.join('');
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
	}
	digits(n: number): string {
		return Array.from({ length: n }, () => this.int(0, 9)).join('');
	}
	/** ISO timestamp `daysAgo` days before `now` with microseconds. */
	at(now: number, daysAgo: number): string {
		const ms = now - Math.floor(daysAgo * 86_400_000) - this.int(0, 3_600_000);
		return new Date(ms).toISOString().replace('Z', `${this.digits(3)}+00:00`);
	}
}

interface Catalogue {
	customers: Array<[string, string]>;
	items: Array<[string, string, string, number]>;
	cities: string[];
	warehouses: Array<[string, string]>;
	skuPrefix: string;
	orderPrefix: string;
}

const CATALOGUES: Record<OrgKey, Catalogue> = {
	a: {
		customers: [
			['Ahmed', 'Hassan'],
			['Mona', 'Ali'],
			['Omar', 'Khaled'],
			['Sara', 'Mahmoud'],
			['Youssef', 'Adel'],
			['Nour', 'El-Din'],
			['Laila', 'Samir'],
			['Karim', 'Fathy'],
			['Hana', 'Mostafa'],
			['مريم', 'عبد الله'],
			['Tarek', 'Nabil'],
			['Dina', 'Farouk'],
		],
		items: [
			['T-Shirt Black M', 'TSH-M-BLK', 'Apparel', 150],
			['T-Shirt White L', 'TSH-L-WHT', 'Apparel', 150],
			['Hoodie Grey M', 'HOD-M-GRY', 'Apparel', 450],
			['Cap Black', 'CAP-BLK', 'Accessories', 100],
			['Jeans Slim 32', 'JNS-32-SLM', 'Apparel', 600],
			['Scarf Cotton', 'SCF-CTN', 'Accessories', 120],
			['Socks 3-pack', 'SCK-3PK', 'Accessories', 90],
			['Tote Bag (Canvas)', 'TOT-CNV', 'Bags', 200],
		],
		cities: ['Cairo', 'Giza', 'Alexandria', 'Mansoura', 'Tanta'],
		warehouses: [
			['Main Warehouse', 'Nasr City, Cairo'],
			['Overflow Store', '6th of October City'],
		],
		skuPrefix: 'CT',
		orderPrefix: 'CT',
	},
	b: {
		customers: [
			['Mahmoud', 'Saleh'],
			['Rania', 'Yousry'],
			['Hesham', 'Gamal'],
			['Yasmin', 'Anwar'],
			['Mostafa', 'Kamel'],
			['Aya', 'Hamdy'],
			['Sherif', 'Lotfy'],
			['Nada', 'Ibrahim'],
			['Amr', 'Shawky'],
			['خالد', 'منصور'],
			['Salma', 'Reda'],
			['Ziad', 'Fawzy'],
		],
		items: [
			['Phone Case Clear', 'PHC-CLR', 'Accessories', 180],
			['USB-C Cable 1m', 'USB-C-1M', 'Cables', 120],
			['Power Bank 10000mAh', 'PWB-10K', 'Power', 750],
			['Wireless Earbuds', 'EAR-WL', 'Audio', 1200],
			['Smart Watch S2', 'SMW-S2', 'Wearables', 2500],
			['Wall Charger 20W', 'CHG-20W', 'Power', 300],
			['Screen Protector', 'SCR-PRT', 'Accessories', 90],
			['Laptop Stand', 'LPT-STD', 'Office', 650],
		],
		cities: ['Cairo', 'Alexandria', 'Hurghada', 'Zagazig', 'Assiut'],
		warehouses: [
			['Downtown Hub', 'Downtown, Cairo'],
			['Alex Depot', 'Smouha, Alexandria'],
		],
		skuPrefix: 'NG',
		orderPrefix: 'NG',
	},
};

type Row = Record<string, unknown>;

export async function insertRows(q: SqlRunner, table: string, rows: Row[]): Promise<void> {
	if (!rows.length) return;
	const cols = Object.keys(rows[0]);
	const list = cols.map(qi).join(', ');
	const [schema, name] = table.includes('.') ? table.split('.') : ['public', table];
	const target = `${qi(schema)}.${qi(name)}`;
	await q.query(`insert into ${target} (${list}) select ${list} from json_populate_recordset(null::${target}, $1::json)`, [JSON.stringify(rows)]);
}

function orgRows(org: SeedOrg, now: number): Record<string, Row[]> {
	const g = new Gen(org.key === 'a' ? 20240501 : 20240502);
	const cat = CATALOGUES[org.key];
	const orgId = org.id;
	const t: Record<string, Row[]> = {};

	t.organizations = [
		{ id: orgId, name: org.name, slug: org.slug, plan: org.plan, pbx_number: org.pbxNumber, settings: { timezone: 'Africa/Cairo', currency: org.currency }, created_at: g.at(now, 400), updated_at: g.at(now, 30) },
	];
	t.customer_journey_stages = ['Lead', 'Contacted', 'Customer', 'VIP'].map((name, i) => ({
		id: g.uuid(), organization_id: orgId, name, position: i, color: ['#94a3b8', '#60a5fa', '#34d399', '#fbbf24'][i], created_at: g.at(now, 365), updated_at: g.at(now, 365),
	}));
	t.lead_sources = ['Instagram', 'Facebook Ads', 'WhatsApp', 'Walk-in'].map((name) => ({
		id: g.uuid(), organization_id: orgId, name, created_at: g.at(now, 365), updated_at: g.at(now, 365),
	}));
	t.warehouses = cat.warehouses.map(([name, location], i) => ({
		id: g.uuid(), organization_id: orgId, name, location, is_active: i === 0, created_at: g.at(now, 300), updated_at: g.at(now, 100),
	}));
	t.items = cat.items.map(([name, sku, category, price]) => ({
		id: g.uuid(), organization_id: orgId, name, description: `${name} — ${category}`, item_no: `${cat.skuPrefix}-${sku}`, sku,
		barcode: `622${g.digits(10)}`, category, unit: 'pcs', cost_price: (price * 0.55).toFixed(2), selling_price: price.toFixed(2),
		min_stock_level: 10, is_active: sku !== cat.items[cat.items.length - 1][1], created_at: g.at(now, 200), updated_at: g.at(now, g.int(1, 60)),
	}));
	const mainWarehouse = t.warehouses[0].id as string;
	t.stock_balances = t.items.flatMap((item, i) => {
		const rows: Row[] = [
			{ id: g.uuid(), organization_id: orgId, item_id: item.id, warehouse_id: mainWarehouse, quantity: i % 3 === 0 ? g.int(2, 9) : g.int(25, 240), reserved_quantity: g.int(0, 2), last_updated: g.at(now, g.int(0, 10)), created_at: g.at(now, 200), updated_at: g.at(now, g.int(0, 10)) },
		];
		if (i % 2 === 0) {
			rows.push({ id: g.uuid(), organization_id: orgId, item_id: item.id, warehouse_id: t.warehouses[1].id, quantity: g.int(0, 40), reserved_quantity: 0, last_updated: g.at(now, 20), created_at: g.at(now, 200), updated_at: g.at(now, 20) });
		}
		return rows;
	});
	t.customers = cat.customers.map(([first, last], i) => {
		const ascii = /^[A-Za-z-]+$/.test(first);
		const created = g.at(now, 90 - i * 6);
		return {
			id: g.uuid(), organization_id: orgId, first_name: first, last_name: last,
			email: ascii ? `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `${i}@example.com` : null,
			phone_number: `+2010${g.digits(8)}`,
			address: { line1: `${g.int(1, 120)} ${g.pick(['Tahrir St', 'Abbas El Akkad St', 'Corniche Rd', 'El Nasr Rd', 'Mohandessin Sq'])}`, line2: g.next() < 0.4 ? `Apt ${g.int(1, 40)}` : null, city: g.pick(cat.cities), country: 'EG' },
			shopify_customer_id: g.next() < 0.5 ? `${g.digits(13)}` : null,
			customer_label: g.pick(['new', 'returning', 'wholesale', 'vip']),
			journey_stage_id: g.pick(t.customer_journey_stages).id,
			lead_source_id: g.pick(t.lead_sources).id,
			assigned_to: g.next() < 0.7 ? `user-${g.int(1, 3)}` : null,
			customer_score: g.int(0, 100),
			tags: g.next() < 0.5 ? ['vip', 'repeat'] : g.next() < 0.5 ? ['new'] : [],
			last_contact: g.at(now, g.int(0, 20)),
			next_follow_up: new Date(now + g.int(1, 14) * 86_400_000).toISOString(),
			notes: i === 3 ? 'Prefers delivery after 6pm, "ring twice" (gate code: 12*34)' : null,
			created_at: created, updated_at: g.at(now, Math.max(0, 80 - i * 6)),
		};
	});

	t.orders = [];
	t.order_items = [];
	t.awbs = [];
	t.awb_status_logs = [];
	t.pick_lists = [];
	t.pick_list_items = [];
	let orderSeq = org.key === 'a' ? 1001 : 5001;
	for (let i = 0; i < 18; i++) {
		const status = ORDER_STATUSES[i % ORDER_STATUSES.length];
		const customer = t.customers[i % t.customers.length];
		const orderId = g.uuid();
		const daysAgo = 28 - i * 1.5;
		const createdAt = g.at(now, daysAgo);
		const updatedAt = g.at(now, Math.max(0, daysAgo - 1));
		const lines = Array.from({ length: g.int(1, 3) }, () => {
			const item = g.pick(t.items);
			return { item, qty: g.int(1, 3) };
		});
		let total = 0;
		const legacy: Row[] = [];
		for (const { item, qty } of lines) {
			const price = Number(item.selling_price);
			total += price * qty;
			legacy.push({ sku: item.sku, name: item.name, qty, price });
			t.order_items.push({ id: g.uuid(), organization_id: orgId, order_id: orderId, item_id: item.id, sku: item.sku, name: item.name, barcode: item.barcode, qty, unit_price: price.toFixed(2), created_at: createdAt, updated_at: createdAt });
		}
		let awbNumber: string | null = null;
		if (status === 'shipped' || status === 'delivered') {
			awbNumber = `BST${g.digits(10)}`;
			const awbId = g.uuid();
			t.awbs.push({
				id: awbId, organization_id: orgId, awb_number: awbNumber, order_id: orderId, courier_name: 'bosta', courier_tracking_number: awbNumber.slice(3),
				status: status === 'delivered' ? 'delivered' : 'in_transit', pickup_date: g.at(now, daysAgo - 1), delivery_date: status === 'delivered' ? g.at(now, Math.max(0, daysAgo - 3)) : null,
				shipping_cost: '65.00', created_at: g.at(now, daysAgo - 0.5), updated_at: updatedAt,
			});
			const steps = status === 'delivered' ? ['created', 'picked_up', 'in_transit', 'delivered'] : ['created', 'picked_up', 'in_transit'];
			steps.forEach((s, k) => {
				const ts = g.at(now, Math.max(0, daysAgo - 0.5 - k * 0.7));
				t.awb_status_logs.push({ id: g.uuid(), organization_id: orgId, awb_id: awbId, status: s, location: g.pick(cat.cities), notes: `Bosta: ${s.replace('_', ' ')}`, timestamp: ts, created_at: ts, updated_at: ts });
			});
		}
		if (status === 'fulfilling' || status === 'shipped' || status === 'delivered') {
			const pickId = g.uuid();
			t.pick_lists.push({ id: pickId, organization_id: orgId, order_id: orderId, warehouse_id: mainWarehouse, pick_list_number: `PL-${org.key.toUpperCase()}${String(i + 1).padStart(4, '0')}`, status: 'completed', assigned_to: 'user-2', started_at: g.at(now, daysAgo - 0.2), completed_at: g.at(now, daysAgo - 0.3), created_at: g.at(now, daysAgo - 0.2), updated_at: g.at(now, daysAgo - 0.3) });
			for (const oi of t.order_items.filter((x) => x.order_id === orderId)) {
				t.pick_list_items.push({ id: g.uuid(), organization_id: orgId, pick_list_id: pickId, order_item_id: oi.id, item_id: oi.item_id, sku: oi.sku, name: oi.name, qty_required: oi.qty, qty_picked: oi.qty, created_at: g.at(now, daysAgo - 0.2), updated_at: g.at(now, daysAgo - 0.3) });
			}
		}
		t.orders.push({
			id: orderId, organization_id: orgId, customer_id: customer.id, shopify_order_id: i % 4 === 0 ? `${g.digits(13)}` : null,
			order_number: `${cat.orderPrefix}-${orderSeq++}`, order_status: status, total_amount: total.toFixed(2), currency: org.currency,
			items: legacy, airtable_record_id: null, awb_number: awbNumber, refund_amount: status === 'cancelled' && i % 2 === 0 ? (total / 2).toFixed(2) : '0.00',
			created_at: createdAt, updated_at: updatedAt,
		});
	}

	t.chats = [];
	t.messages = [];
	const platforms: Array<'whatsapp' | 'facebook' | 'instagram'> = ['whatsapp', 'whatsapp', 'whatsapp', 'facebook', 'facebook', 'instagram', 'instagram'];
	platforms.forEach((platform, i) => {
		const customer = t.customers[i];
		const chatId = g.uuid();
		const contactName = `${customer.first_name} ${customer.last_name}`;
		const platformId = platform === 'whatsapp' ? String(customer.phone_number).slice(1) : g.digits(16);
		const convo =
			platform === 'whatsapp'
				? ['Hi, is the order on its way?', 'Hello! Yes, it ships today.', 'Great, thanks 🙏', 'You are welcome!']
				: ['Do you have this in size M?', 'Yes, we have M and L in stock.', 'Price please?'];
		const base = 6 - i * 0.8;
		convo.forEach((content, k) => {
			const ts = g.at(now, Math.max(0, base - k * 0.05));
			t.messages.push({
				id: g.uuid(), organization_id: orgId, chat_id: chatId, content, message_type: i === 1 && k === 1 ? 'image' : 'text',
				direction: k % 2 === 0 ? 'inbound' : 'outbound', status: k % 2 === 0 ? 'read' : 'delivered',
				platform_message_id: platform === 'whatsapp' ? `wamid.HBgM${g.digits(20)}` : `m_${g.digits(20)}`,
				media_url: i === 1 && k === 1 ? 'https://cdn.example.com/media/product-photo.jpg' : null, timestamp: ts, created_at: ts, updated_at: ts,
			});
		});
		const last = t.messages[t.messages.length - 1];
		t.chats.push({
			id: chatId, organization_id: orgId, platform, platform_chat_id: platformId, contact_name: contactName,
			contact_phone: platform === 'whatsapp' ? customer.phone_number : null, contact_platform_id: platformId,
			last_message: last.content, last_message_time: last.timestamp, unread_count: convo.length % 2 === 1 ? 1 : 0,
			is_archived: i === 6, assigned_to: i % 2 === 0 ? 'user-1' : null, created_at: g.at(now, base + 1), updated_at: last.timestamp,
		});
	});

	const callStatuses = ['answered', 'missed', 'busy', 'answered', 'voicemail', 'failed'];
	t.call_logs = callStatuses.map((status, i) => {
		const customer = t.customers[i + 2];
		const inbound = i % 2 === 0;
		const ts = g.at(now, i * 2 + 0.5);
		return {
			id: g.uuid(), organization_id: orgId, customer_id: customer.id, unique_id: `pbx-${g.digits(10)}.${i}`, call_date: ts,
			caller_number: inbound ? customer.phone_number : org.pbxNumber, called_number: inbound ? org.pbxNumber : customer.phone_number,
			extension: `10${i % 3}`, direction: inbound ? 'inbound' : 'outbound', status, duration_seconds: status === 'answered' ? g.int(30, 600) : 0,
			agent_notes: status === 'answered' ? 'Customer asked about delivery time' : null, created_at: ts, updated_at: ts,
		};
	});

	t.organization_invites = [
		{ id: g.uuid(), organization_id: orgId, email: `ops.lead@${org.slug}.example`, role: 'admin', status: 'accepted', token: null, invited_by: 'user-1', expires_at: g.at(now, 20), last_sent_at: g.at(now, 27), resend_count: 0, created_at: g.at(now, 27), updated_at: g.at(now, 25) },
		{ id: g.uuid(), organization_id: orgId, email: `packer@${org.slug}.example`, role: 'member', status: 'pending', token: g.digits(24), invited_by: 'user-1', expires_at: new Date(now + 5 * 86_400_000).toISOString(), last_sent_at: g.at(now, 2), resend_count: 0, created_at: g.at(now, 2), updated_at: g.at(now, 2) },
	];
	Object.assign(t, mcpSeedRows(org, t, now));
	return t;
}

const SEED_ORDER = [
	'organizations',
	'customer_journey_stages',
	'lead_sources',
	'warehouses',
	'items',
	'stock_balances',
	'customers',
	'orders',
	'order_items',
	'awbs',
	'awb_status_logs',
	'pick_lists',
	'pick_list_items',
	'chats',
	'messages',
	'call_logs',
	'organization_invites',
	...MCP_TABLES,
];

/** Inserts both organizations, their API keys and (unless `orgsOnly`) their demo data. */
export async function seedDatabase(q: SqlRunner, opts: { orgsOnly?: boolean; itemsWithoutName?: boolean } = {}): Promise<void> {
	const now = Date.now();
	const all = (['a', 'b'] as OrgKey[]).map((k) => orgRows(SEED_ORGS[k], now));
	for (const table of SEED_ORDER) {
		// Agent accounts exist with the organizations: the API keys point at them.
		if (opts.orgsOnly && table !== 'organizations' && table !== 'agent_accounts') continue;
		let rows = all.flatMap((t) => t[table] ?? []);
		if (table === 'items' && opts.itemsWithoutName) rows = rows.map(({ name: _name, ...rest }) => rest);
		await insertRows(q, table, rows);
	}
	await insertRows(
		q,
		'private.agent_api_keys',
		(['a', 'b'] as OrgKey[]).map((k) => ({
			organization_id: SEED_ORGS[k].id,
			name: `Sandbox agent (${SEED_ORGS[k].name})`,
			key_prefix: SEED_ORGS[k].apiKey.slice(0, 12),
			key_hash: hashApiKey(SEED_ORGS[k].apiKey),
			scopes: ['read', 'write'],
			agent_user_id: k === 'a' ? 'aa000000-0000-4000-8000-00000000000a' : 'bb000000-0000-4000-8000-00000000000b',
			agent_id: agentAccountId(k),
		})),
	);
}

/**
 * `count` orders for one organization in a single INSERT ... SELECT generate_series.
 * created_at/updated_at are consecutive microseconds from `baseIso` (or one shared
 * updated_at); statuses cycle through all six unless `status` is given.
 */
export async function seedBulkOrders(
	q: SqlRunner,
	opts: { orgId: string; count: number; baseIso: string; status?: string; sameUpdatedAt?: string; currency: string },
): Promise<string[]> {
	// One round trip reserves the order numbers; one INSERT ... SELECT generate_series writes.
	const seq = await q.query(
		`select setval('sandbox.bulk_order_seq', nextval('sandbox.bulk_order_seq') + $1::int - 1) - $1::int + 1 as first`,
		[opts.count],
	);
	const first = Number(seq.rows[0].first);
	const r = await q.query(
		`insert into public.orders (organization_id, customer_id, order_number, order_status, total_amount, currency, items, created_at, updated_at)
		select $1::uuid,
			c.ids[1 + (g % greatest(coalesce(array_length(c.ids, 1), 1), 1))],
			'BULK-' || lpad(($7::int + g - 1)::text, 7, '0'),
			coalesce($2::text, (array['pending','confirmed','fulfilling','shipped','delivered','cancelled'])[1 + (g % 6)]),
			round((50 + ((g * 37) % 950))::numeric + (g % 100)::numeric / 100, 2),
			$3::text,
			'[]'::jsonb,
			$4::timestamptz + g * interval '1 microsecond',
			coalesce($5::timestamptz, $4::timestamptz + g * interval '1 microsecond')
		from generate_series(1, $6::int) as g,
			(select array_agg(id order by created_at, id) as ids from public.customers where organization_id = $1::uuid) as c
		returning id`,
		[opts.orgId, opts.status ?? null, opts.currency, opts.baseIso, opts.sameUpdatedAt ?? null, opts.count, first],
	);
	return r.rows.map((row) => String(row.id));
}
