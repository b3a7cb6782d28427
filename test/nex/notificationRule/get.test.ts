import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('gets a rule by id', async () => {
	const rule = [...nex.sandbox.store.customRules.values()][0];
	const id = rule.id.toString();
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'get', ruleId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/api/developers/v1/notifications/custom/${id}`]]);
	expect(run.items).toEqual([expect.objectContaining({ id, prompt: rule.prompt })]);
});

test('an unknown rule is a 404 naming the notification rule', async () => {
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'get', ruleId: nex.rl('id', '32710180831599999') });
	expect(run.error?.description).toContain('Nex API error 404');
	expect(run.error?.description).toContain('notification rule was not found');
});
