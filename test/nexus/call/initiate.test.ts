/** Call → Initiate (the PBX call function). */
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
