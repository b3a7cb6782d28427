import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('creates a rule from a description', async () => {
	const description = 'Tell me when a customer mentions switching to a competitor';
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'create', description });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/api/developers/v1/notifications/custom']]);
	expect(JSON.parse(run.requests[0].bodyText)).toEqual({ description });
	expect(run.items).toHaveLength(1);
	expect(run.items[0]).toMatchObject({ prompt: description, is_enabled: true });
	expect(nex.sandbox.store.customRules.has(String(run.items[0].id))).toBe(true);
});

test('a blank description is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'create', description: ' ' });
	expect(run.error?.message).toContain('Description is empty');
	expect(run.requests).toHaveLength(0);
});
