import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { snapshot, startTriggerTest, type TriggerTest } from './helpers';

/**
 * The promises every source keeps, for shipments (`awb_status_logs`), calls (`call_logs`),
 * outbound message statuses (`messages`) and contact updates (`customers`): first activation
 * emits nothing; a change after it is emitted once; an idle poll is one request; 250 changes
 * sharing one instant span pages of 100 and are each emitted once, also when the poll fails on
 * page 2 (it emits nothing, the next poll emits them) and across a restart from static data saved
 * as JSON (as n8n saves it).
 */

let t: TriggerTest;

beforeAll(async () => {
	t = await startTriggerTest({ requestsPerMinute: 0 });
});

afterAll(async () => {
	await t?.close();
});

const orgA = () => t.sandbox.orgs.a.id;

/** An instant after every `column` of `table` whose six fractional digits do not end in 0. */
async function nextInstant(table: string, column: string): Promise<string> {
	const [{ at }] = await t.sandbox.query(
		`select (greatest(clock_timestamp(), max(${column})) + interval '1 microsecond' * (case when extract(microseconds from greatest(clock_timestamp(), max(${column})))::bigint % 10 = 9 then 2 else 1 end))::text as at
		from public.${table}`,
	);
	return String(at);
}

interface SourceDriver {
	name: string;
	parameters: INodeParameters;
	/** The table the source reads. */
	path: string;
	/** Before activation: what the changes need. */
	prepare?(count: number): Promise<void>;
	/** `count` changes sharing one instant (all after the cursor); answers the keys expected once each. */
	change(count: number): Promise<string[]>;
	/** The key of an emitted item. */
	keyOf(item: IDataObject): string;
}

let awbId = '';
let outbound: string[] = [];
let contacts: string[] = [];

const drivers: SourceDriver[] = [
	{
		name: 'Shipments',
		parameters: { source: 'shipments', shipmentEvents: ['shipmentStatusChanged'] },
		path: '/rest/v1/awb_status_logs',
		async prepare() {
			const [awb] = await t.sandbox.query(`select id from public.awbs where organization_id = $1 order by id limit 1`, [orgA()]);
			awbId = String(awb.id);
		},
		async change(count) {
			const at = await nextInstant('awb_status_logs', '"timestamp"');
			const rows = await t.sandbox.query(
				`insert into public.awb_status_logs (awb_id, status, "timestamp") select $1, 'in_transit', $2::timestamptz from generate_series(1, $3::int) returning id`,
				[awbId, at, count],
			);
			return rows.map((row) => String(row.id));
		},
		keyOf: (item) => String((item.log as IDataObject).id),
	},
	{
		name: 'Calls',
		parameters: { source: 'calls', callEvent: 'missedCall' },
		path: '/rest/v1/call_logs',
		async change(count) {
			const calls = await t.sandbox.logCalls({ org: 'a', count, status: 'missed', callDate: await nextInstant('call_logs', 'call_date') });
			return calls.map((call) => String(call.id));
		},
		keyOf: (item) => String((item.call as IDataObject).id),
	},
	{
		name: 'Outbound Message Status',
		parameters: { source: 'messageStatus', messageStatuses: ['failed'] },
		path: '/rest/v1/messages',
		async prepare(count) {
			const [chat] = await t.sandbox.query(`select id from public.chats where organization_id = $1 order by id limit 1`, [orgA()]);
			const at = await nextInstant('messages', 'created_at');
			const rows = await t.sandbox.query(
				`insert into public.messages (organization_id, chat_id, content, direction, status, created_at)
				select $1, $2, 'Your order ships today', 'outbound', 'sent', $3::timestamptz from generate_series(1, $4::int) returning id`,
				[orgA(), chat.id, at, count],
			);
			outbound = rows.map((row) => String(row.id));
		},
		async change(count) {
			const ids = outbound.splice(0, count);
			return await t.sandbox.setMessageStatus(ids, 'failed');
		},
		keyOf: (item) => String((item.message as IDataObject).id),
	},
	{
		name: 'Updated Contacts',
		parameters: { source: 'updatedContacts' },
		path: '/rest/v1/customers',
		async prepare(count) {
			const rows = await t.sandbox.query(
				`insert into public.customers (organization_id, first_name, created_at, updated_at)
				select $1, 'Bulk ' || g, $2::timestamptz, $2::timestamptz from generate_series(1, $3::int) g returning id`,
				[orgA(), await nextInstant('customers', 'updated_at'), count],
			);
			contacts = rows.map((row) => String(row.id));
		},
		async change(count) {
			const ids = contacts.splice(0, count);
			// One statement: every row gets the same updated_at.
			await t.sandbox.query(`update public.customers set notes = 'asked for a refund' where id = any($1::uuid[])`, [ids]);
			return ids;
		},
		keyOf: (item) => String((item.contact as IDataObject).id),
	},
];

function expectEachOnce(items: IDataObject[], driver: SourceDriver, keys: string[]): void {
	const emitted = items.map((item) => driver.keyOf(item));
	expect(emitted).toHaveLength(keys.length);
	expect([...emitted].sort()).toEqual([...keys].sort());
}

describe.each(drivers.map((driver) => [driver.name, driver] as const))('%s', (_name, driver) => {
	it('first activation emits nothing; a change after it is emitted once; an idle poll is one request', async () => {
		await driver.prepare?.(260);
		const node = t.node(driver.parameters);
		const staticData: IDataObject = {};
		const baseline = await t.poll(node, staticData);
		expect(baseline.empty).toBe(true);

		const keys = await driver.change(1);
		const run = await t.poll(node, staticData);
		expectEachOnce(run.items, driver, keys);

		const idle = await t.poll(node, staticData);
		expect(idle.empty).toBe(true);
		expect(idle.requests).toHaveLength(1);
		expect(idle.requests[0].path).toBe(driver.path);
	});

	it('250 changes sharing one instant: a poll failing on page 2 emits nothing, the next emits each once, a restart from JSON repeats nothing', async () => {
		const node = t.node(driver.parameters);
		let staticData: IDataObject = {};
		expect((await t.poll(node, staticData)).empty).toBe(true);
		const keys = await driver.change(250);

		const saved = snapshot(staticData);
		t.sandbox.faults.add({ kind: 'status', status: 500, method: 'GET', pathIncludes: driver.path, skip: 1 });
		const failed = await t.failingPoll(node, staticData);
		expect(`${failed.error.message} ${(failed.error as { description?: string }).description ?? ''}`).toMatch(/500/);
		expect(failed.requests.filter((entry) => entry.path === driver.path)).toHaveLength(2);
		expect(staticData).toEqual(saved);

		const run = await t.poll(node, staticData);
		expectEachOnce(run.items, driver, keys);
		expect(run.requests.filter((entry) => entry.path === driver.path).length).toBeGreaterThanOrEqual(3);

		// n8n saves static data as JSON: a restart reads it back.
		staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		expect((await t.poll(node, staticData)).empty).toBe(true);
		const more = await driver.change(1);
		staticData = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		const after = await t.poll(node, staticData);
		expectEachOnce(after.items, driver, more);
	});
});
