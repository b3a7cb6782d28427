import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('sends the changed preferences and returns the new ones', async () => {
	const run = await nex.runNex({
		resource: 'notification',
		operation: 'updatePreferences',
		updateFields: { frequencyMinutes: 30, enabledTypes: 'context_alert, digest, custom_rule', digestEnabled: false },
	});
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['PATCH', '/api/developers/v1/notifications/preferences']]);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({
		frequency_minutes: 30,
		enabled_types: ['context_alert', 'digest', 'custom_rule'],
		digest_enabled: false,
	});
	expect(run.items).toEqual([{ frequency_minutes: 30, enabled_types: ['context_alert', 'digest', 'custom_rule'], digest_enabled: false }]);
});

test.each([
	[{}, 'Update Fields is empty'],
	[{ frequencyMinutes: 2.5 }, 'Frequency (Minutes) must be a whole number of at least 1'],
])('invalid update %j is rejected before sending', async (updateFields, message) => {
	const run = await nex.runNex({ resource: 'notification', operation: 'updatePreferences', updateFields });
	expect(run.error?.message).toContain(message);
	expect(run.requests).toHaveLength(0);
});

test('a key without notification.write gets a 403 that names the scope', async () => {
	const run = await nex.runNex(
		{ resource: 'notification', operation: 'updatePreferences', updateFields: { digestEnabled: true } },
		{ key: 'readOnly' },
	);
	expect(run.error?.description).toContain('notification.write');
});
