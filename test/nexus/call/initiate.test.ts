/** Call → Initiate (the PBX call function). */
import { pickContact } from '../contactPicker';
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

describe('Call → Initiate', () => {
	test('dials the E.164 number and the call is logged', async () => {
		const { items, error, requests } = await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '0100-777-8899', defaultCountryCode: '20', options: { extension: '102' } });
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({ path: '/functions/v1/call-initiate', body: { phone_number: '+201007778899', extension: '102' } });
		expect(items[0]).toMatchObject({ success: true, called_number: '+201007778899' });
		expect(await t.sandbox.query('select called_number, direction from public.call_logs where id = $1', [items[0].call_id])).toEqual([
			{ called_number: '+201007778899', direction: 'outbound' },
		]);
	});

	test('the call is logged against a contact picked from the Contact list, or given by a plain ID as older workflows hold it', async () => {
		const [contact] = await t.sandbox.query(
			`insert into public.customers (organization_id, first_name, last_name) values ($1, 'Callee', 'Picked From List') returning id`,
			[t.sandbox.orgs.a.id],
		);
		const picked = await pickContact(t, { resource: 'call', operation: 'initiate', collection: 'options', field: 'customerId' }, 'Picked From List');
		const viaList = await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '+201007778800', options: { customerId: picked } });
		expect(viaList.error).toBeUndefined();
		expect(apiRequests(viaList.requests)[0].body).toEqual({ phone_number: '+201007778800', customer_id: contact.id });
		const plain = await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '+201007778801', options: { customerId: contact.id } });
		expect(plain.error).toBeUndefined();
		expect(apiRequests(plain.requests)[0].body).toEqual({ phone_number: '+201007778801', customer_id: contact.id });
		expect(
			await t.sandbox.query('select called_number, customer_id from public.call_logs where id = any($1::uuid[]) order by called_number', [
				[viaList.items[0].call_id, plain.items[0].call_id],
			]),
		).toEqual([
			{ called_number: '+201007778800', customer_id: contact.id },
			{ called_number: '+201007778801', customer_id: contact.id },
		]);
	});

	test('a contact ID that is not a UUID is refused before sending, naming the field', async () => {
		expectInputError(
			await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '+201007778899', options: { customerId: t.rl('id', '42') } }),
			/^Contact ID "42" is not a valid ID/,
		);
	});

	test('on a plan without VoIP the plan limit is explained', async () => {
		const run = await t.run({ resource: 'call', operation: 'initiate', phoneNumber: '+201007778899' }, { credential: t.org('b') });
		expect(run.error?.message).toMatch(/^VoIP calling is not available on the starter plan/);
		expect(run.error?.description).toMatch(/^Nexus API error 403 \(plan_limit_exceeded\): VoIP calling/);
		expect(run.error?.description).toMatch(/plan/);
	});

	test('a number that is not a phone number is refused before sending', async () => {
		expectInputError(await t.run({ resource: 'call', operation: 'initiate', phoneNumber: 'call me' }), /^Phone Number "call me" is not a valid phone number/);
	});
});
