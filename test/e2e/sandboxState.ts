/**
 * Reading and changing sandbox state for the end-to-end tests: what the example workflows
 * should have left behind, and the outside events (shipped orders, new contacts) that start them.
 */
import type { NexSandbox } from '../sandbox/nex';
import type { NexusSandbox } from '../sandbox/nexus';

/** The seeded Nexus customer (org A) who has a WhatsApp conversation: Ahmed Hassan. */
export async function customerWithWhatsapp(nexus: NexusSandbox): Promise<{
	id: string;
	first_name: string;
	last_name: string;
	email: string;
	phone_number: string;
	chat_id: string;
}> {
	const rows = await nexus.query(
		`select c.id::text, c.first_name, c.last_name, c.email, c.phone_number, ch.id::text as chat_id
		from public.customers c join public.chats ch on ch.contact_phone = c.phone_number and ch.platform = 'whatsapp'
		where c.organization_id = $1::uuid and c.email is not null
		order by c.created_at, c.id limit 1`,
		[nexus.orgs.a.id],
	);
	if (!rows[0]) throw new Error('the Nexus sandbox has no customer with a WhatsApp chat');
	return rows[0];
}

/** An agent JWT for org A, straight from the sandbox's agent-auth (as any API client gets one). */
async function agentToken(nexus: NexusSandbox): Promise<string> {
	const response = await fetch(`${nexus.baseUrl}/functions/v1/agent-auth`, {
		method: 'POST',
		headers: { apikey: nexus.anonKey, 'content-type': 'application/json' },
		body: JSON.stringify({ api_key: nexus.orgs.a.apiKey }),
	});
	const body = (await response.json()) as { access_token?: string };
	if (!body.access_token) throw new Error(`agent-auth answered ${response.status}`);
	return body.access_token;
}

/**
 * Ships an order the way Nexus does (Bosta AWB through the create-awb-bosta edge function),
 * without n8n: the order is put in `fulfilling` first. Answers the AWB number.
 */
export async function shipOrderDirectly(nexus: NexusSandbox, orderId: string): Promise<string> {
	await nexus.query(`update public.orders set order_status = 'fulfilling' where id = $1::uuid`, [orderId]);
	const token = await agentToken(nexus);
	const response = await fetch(`${nexus.baseUrl}/functions/v1/create-awb-bosta`, {
		method: 'POST',
		headers: { apikey: nexus.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ order_id: orderId }),
	});
	const body = (await response.json()) as { awb_number?: string };
	if (!response.ok || !body.awb_number) throw new Error(`create-awb-bosta answered ${response.status}: ${JSON.stringify(body)}`);
	return body.awb_number;
}

/** A new pending order of the given customer (superuser SQL), with one line. */
export async function newOrder(nexus: NexusSandbox, customerId: string): Promise<{ id: string; order_number: string }> {
	const rows = await nexus.query(
		`insert into public.orders (organization_id, customer_id, order_status, total_amount, currency)
		values ($1::uuid, $2::uuid, 'pending', 700, 'EGP') returning id::text, order_number`,
		[nexus.orgs.a.id, customerId],
	);
	await nexus.query(
		`insert into public.order_items (organization_id, order_id, sku, name, qty, unit_price)
		values ($1::uuid, $2::uuid, 'TSH-M-BLK', 'T-Shirt Black M', 2, 350)`,
		[nexus.orgs.a.id, rows[0].id],
	);
	return rows[0];
}

/** Outbound WhatsApp messages of a chat, oldest first. */
export async function outboundMessages(nexus: NexusSandbox, chatId: string): Promise<Array<{ content: string; message_type: string }>> {
	return await nexus.query(
		`select content, message_type::text from public.messages where chat_id = $1::uuid and direction = 'outbound' order by "timestamp", id`,
		[chatId],
	);
}

/** Nex tasks whose title contains `text`. */
export function nexTasks(nex: NexSandbox, text: string) {
	return [...nex.store.tasks.values()].filter((task) => task.title.includes(text));
}

/** Nex notes whose title or content contains `text`. */
export function nexNotes(nex: NexSandbox, text: string) {
	return [...nex.store.notes.values()].filter((note) => note.title.includes(text) || (note.content ?? '').includes(text));
}

/** Nex person records having this email address. */
export function nexPeopleWithEmail(nex: NexSandbox, email: string) {
	const person = nex.store.objectBySlug('person');
	if (!person) return [];
	return [...nex.store.records.values()].filter(
		(record) =>
			record.objectId === person.id &&
			Array.isArray(record.attributes.email_addresses) &&
			(record.attributes.email_addresses as unknown[]).some((value) => String(value).toLowerCase() === email.toLowerCase()),
	);
}
