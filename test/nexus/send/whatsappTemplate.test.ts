/** Send → WhatsApp Template (send-whatsapp-template). */
import { apiRequests, startNexusTest, type NexusTest } from '../helpers';

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest();
});
afterAll(async () => {
	await t?.close();
});

describe('Send', () => {
	test('WhatsApp Template normalises the phone number and sends the components', async () => {
		const components = [{ type: 'body', parameters: [{ type: 'text', text: 'Ahmed' }] }];
		const { items, error, requests } = await t.run({
			resource: 'send',
			operation: 'whatsappTemplate',
			phoneNumber: '0100 555 1234',
			defaultCountryCode: '20',
			templateName: 'order_confirmation',
			language: 'ar',
			components: JSON.stringify(components),
		});
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0]).toMatchObject({
			path: '/functions/v1/whatsapp-send-template',
			body: { phone_number: '+201005551234', template_name: 'order_confirmation', language: 'ar', components },
		});
		expect(items[0]).toMatchObject({ success: true, template_name: 'order_confirmation' });
	});
});
