/**
 * One rule for Limit in every operation of both nodes that has one: a whole number from 1 to the
 * API's maximum where the API takes it in one request. 0, negative, fractional and non-numeric
 * limits, and limits above that maximum, stop the run on "Limit" before anything is sent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { allOperations, requiredFill } from './operations';
import { startEdgeSandboxes, type EdgeSandboxes } from './runner';

/** Listings whose Limit the API itself takes in one request, with the API's maximum. */
const API_MAXIMUM: Record<string, number> = {
	'nex:insight.getAll': 100,
	'nex:note.getAll': 200,
	'nex:notification.getFeed': 50,
	'nexus:conversationIntelligence.getAnnotations': 100,
	'nexus:socialPost.getAll': 100,
	'nexus:teamChat.getConversations': 100,
	'nexus:teamChat.getMessages': 100,
};

const BAD_LIMITS: Array<number | string> = [0, -1, -100, 0.5, 1.5, '0', '2.5', 'ten', ''];

const CASES = allOperations().filter((info) => info.properties.some((property) => property.name === 'limit'));

let sandboxes: EdgeSandboxes;
beforeAll(async () => {
	sandboxes = await startEdgeSandboxes();
});
afterAll(async () => await sandboxes.close());

test('the operations with a Limit are found in both nodes', () => {
	const names = CASES.map((info) => `${info.node}:${info.resource}.${info.operation}`);
	expect(names).toEqual(expect.arrayContaining(['nex:record.getAll', 'nex:note.getAll', 'nexus:order.getAll', 'nexus:table.getAll', 'nexus:organization.getInvites']));
	expect(CASES.length).toBeGreaterThan(20);
});

test.each(CASES.map((info) => [`${info.node === 'nex' ? 'Nex' : 'Nexus'} ${info.resource} → ${info.operation}`, info] as const))(
	'%s: a Limit that is not a whole number from 1 to the maximum is refused naming Limit, nothing sent',
	async (_title, info) => {
		const maximum = API_MAXIMUM[`${info.node}:${info.resource}.${info.operation}`];
		const values = maximum === undefined ? BAD_LIMITS : [...BAD_LIMITS, maximum + 1];
		const parameters: INodeParameters = { ...requiredFill(info, ['limit']), returnAll: false, limit: '={{ $json.value }}' };
		if (info.resource === 'table') parameters.table = 'orders';
		const run = await sandboxes.run(info.node, parameters as never, values.map((value) => ({ value })));
		expect(run.requests).toEqual([]);
		expect(run.items.map((item, index) => [values[index], String(item.error ?? '').replace(/, not .*$/, '')])).toEqual(
			values.map((value) => [value, `Limit must be a whole number ${maximum === undefined ? 'of at least 1' : `between 1 and ${maximum}`}`]),
		);
	},
);
