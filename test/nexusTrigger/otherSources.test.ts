import type { IDataObject } from 'n8n-workflow';

import { snapshot, startTriggerTest, type TriggerTest } from './helpers';

/**
 * The trigger's other sources, each read in (column, id) order like orders: new inbound
 * messages (`messages`, `created_at`), new contacts (`customers`, `created_at`) and stock that
 * drops below a threshold (`stock_balances`, `last_updated`).
 *
 * Rows are written with strictly increasing timestamps (as the server's clock does), so the test
 * never depends on two inserts landing in distinct clock ticks.
 */

let t: TriggerTest;

beforeAll(async () => {
	t = await startTriggerTest({ requestsPerMinute: 0 });
	t.addCredential('org-b', 'b');
});

afterAll(async () => {
	await t?.close();
});

const orgId = (org: 'a' | 'b') => t.sandbox.orgs[org].id;

async function chatOf(org: 'a' | 'b'): Promise<IDataObject> {
	const [chat] = await t.sandbox.query(`select * from public.chats where organization_id = $1 order by id limit 1`, [orgId(org)]);
	return chat;
}

async function addMessage(org: 'a' | 'b', chatId: string, content: string, direction: 'inbound' | 'outbound'): Promise<string> {
	const [row] = await t.sandbox.query(
		`insert into public.messages (organization_id, chat_id, content, direction, created_at)
		values ($1, $2, $3, $4, greatest(clock_timestamp(), (select max(created_at) from public.messages) + interval '1 microsecond'))
		returning id`,
		[orgId(org), chatId, content, direction],
	);
	return String(row.id);
}

async function addContact(org: 'a' | 'b', firstName: string): Promise<string> {
	const [row] = await t.sandbox.query(
		`insert into public.customers (organization_id, first_name, phone_number, created_at)
		values ($1, $2, '+2010000' || lpad((floor(random() * 10000))::int::text, 4, '0'), greatest(clock_timestamp(), (select max(created_at) from public.customers) + interval '1 microsecond'))
		returning id`,
		[orgId(org), firstName],
	);
	return String(row.id);
}

async function setStock(id: string, quantity: number): Promise<void> {
	await t.sandbox.query(
		`update public.stock_balances set quantity = $2, reserved_quantity = 0,
			last_updated = greatest(clock_timestamp(), (select max(last_updated) from public.stock_balances) + interval '1 microsecond')
		where id = $1`,
		[id, quantity],
	);
}

describe('Inbound Messages', () => {
	it('emits each new inbound message once, with its chat; outbound messages and other organizations never', async () => {
		const node = t.node({ source: 'inboundMessages' });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const chat = await chatOf('a');
		const chatB = await chatOf('b');
		const first = await addMessage('a', String(chat.id), 'Where is my order?', 'inbound');
		await addMessage('a', String(chat.id), 'It ships today', 'outbound');
		await addMessage('b', String(chatB.id), 'Other shop', 'inbound');
		const second = await addMessage('a', String(chat.id), 'Thanks!', 'inbound');

		const run = await t.poll(node, staticData);
		expect(run.items.map((item) => [item.event, (item.message as IDataObject).id, (item.message as IDataObject).content])).toEqual([
			['messageReceived', first, 'Where is my order?'],
			['messageReceived', second, 'Thanks!'],
		]);
		expect(run.items[0].chat).toMatchObject({ id: chat.id, contact_name: chat.contact_name, platform: chat.platform });
		const [page] = run.requests.filter((entry) => entry.path === '/rest/v1/messages');
		expect(page.query).toMatchObject({ direction: 'eq.inbound', order: 'created_at.asc,id.asc', limit: '100' });
		expect(String(page.query.or)).toMatch(/^\(created_at\.gt\."[^"]+",and\(created_at\.eq\."[^"]+",id\.gt\.[0-9a-f-]{36}\)\)$/);
		const chatRequests = run.requests.filter((entry) => entry.path === '/rest/v1/chats');
		expect(chatRequests).toHaveLength(1);
		expect(chatRequests[0].query.id).toBe(`in.(${chat.id})`);

		const idle = await t.poll(node, staticData);
		expect(idle.empty).toBe(true);
		expect(idle.requests).toHaveLength(1);

		const before = snapshot(staticData);
		const manual = await t.poll(node, staticData, 'manual');
		expect((manual.items[0].message as IDataObject).id).toBe(second);
		expect(staticData).toEqual(before);
	});
});

describe('New Contacts', () => {
	it('emits each new contact once; edits of existing contacts do not fire', async () => {
		const node = t.node({ source: 'newContacts' });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const [existing] = await t.sandbox.query(`select id from public.customers where organization_id = $1 limit 1`, [orgId('a')]);
		await t.sandbox.query(`update public.customers set notes = 'called back' where id = $1`, [existing.id]);
		const amira = await addContact('a', 'Amira');
		await addContact('b', 'Other shop contact');
		const omar = await addContact('a', 'Omar');

		const run = await t.poll(node, staticData);
		expect(run.items.map((item) => [item.event, (item.contact as IDataObject).id, (item.contact as IDataObject).first_name])).toEqual([
			['contactCreated', amira, 'Amira'],
			['contactCreated', omar, 'Omar'],
		]);
		expect(run.requests.map((entry) => entry.path)).toEqual(['/rest/v1/customers']);
		expect((await t.poll(node, staticData)).empty).toBe(true);
	});
});

describe('Low Stock', () => {
	it('fires when available quantity drops below the threshold, once until it recovers', async () => {
		const node = t.node({ source: 'lowStock', threshold: 10 });
		const staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);

		const [high] = await t.sandbox.query(
			`select sb.id, sb.available_quantity, i.sku from public.stock_balances sb join public.items i on i.id = sb.item_id
			where sb.organization_id = $1 and sb.available_quantity >= 20 order by sb.id limit 1`,
			[orgId('a')],
		);
		const [low] = await t.sandbox.query(
			`select id, available_quantity from public.stock_balances where organization_id = $1 and available_quantity between 1 and 9 order by id limit 1`,
			[orgId('a')],
		);
		const [otherOrg] = await t.sandbox.query(`select id from public.stock_balances where organization_id = $1 limit 1`, [orgId('b')]);

		await setStock(String(high.id), 4);
		await setStock(String(low.id), Number(low.available_quantity) - 1); // was already below: no event
		await setStock(String(otherOrg.id), 0);
		const run = await t.poll(node, staticData);
		expect(run.items).toHaveLength(1);
		expect(run.items[0]).toMatchObject({
			event: 'stockBelowThreshold',
			threshold: 10,
			previousAvailableQuantity: high.available_quantity,
			stock: { id: high.id, available_quantity: 4 },
			item: { sku: high.sku },
		});
		const [page] = run.requests.filter((entry) => entry.path === '/rest/v1/stock_balances');
		expect(page.query).toMatchObject({ order: 'last_updated.asc,id.asc', limit: '100' });
		expect(run.requests.filter((entry) => entry.path === '/rest/v1/items')).toHaveLength(1);

		await setStock(String(high.id), 3);
		expect((await t.poll(node, staticData)).empty).toBe(true);
		await setStock(String(high.id), 50);
		expect((await t.poll(node, staticData)).empty).toBe(true);
		await setStock(String(high.id), 2);
		const again = await t.poll(node, staticData);
		expect(again.items.map((item) => [(item.stock as IDataObject).id, item.previousAvailableQuantity])).toEqual([[high.id, 50]]);

		const manual = await t.poll(node, {}, 'manual');
		const [request] = manual.requests;
		expect(request.query).toMatchObject({ available_quantity: 'lt.10', order: 'last_updated.desc,id.desc', limit: '1' });
		expect((manual.items[0].stock as IDataObject).id).toBe(high.id);
	});

	it('a threshold that is not a number is an error naming Threshold, nothing sent', async () => {
		const node = t.node({ source: 'lowStock', threshold: 'ten' });
		const failed = await t.failingPoll(node, {});
		expect(failed.error.message).toContain('Threshold');
		expect(failed.requests).toHaveLength(0);
	});
});
