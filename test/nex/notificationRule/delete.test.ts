import { startNexTest, type NexTest } from '../helpers';

let nex: NexTest;
beforeAll(async () => {
	nex = await startNexTest();
});
afterAll(async () => await nex.close());

test('deletes the rule and says which one', async () => {
	const id = [...nex.sandbox.store.customRules.keys()][0];
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'delete', ruleId: nex.rl('id', id) });
	expect(run.error).toBeUndefined();
	expect(run.requests.map((r) => [r.method, r.path, r.status])).toEqual([['DELETE', `/api/developers/v1/notifications/custom/${id}`, 200]]);
	expect(run.items).toEqual([{ id, deleted: true }]);
	expect(nex.sandbox.store.customRules.has(id)).toBe(false);
});

test('a rule id with a slash is rejected before sending', async () => {
	const run = await nex.runNex({ resource: 'notificationRule', operation: 'delete', ruleId: nex.rl('id', '1/2') });
	expect(run.error?.message).toContain('Rule "1/2" is not a valid id');
	expect(run.requests).toHaveLength(0);
});
