/**
 * Example 7 (`examples/07-shipment-failed-team-chat.json`) against the demo's seed: a seeded AWB in
 * transit fails, the Nexus Trigger reports it, and the agent's DM with the organization's
 * operations lead (the member the example names) holds one message with the order and the AWB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowJson } from '../harness/engine';
import { addBaseNodeTypes, runFromTrigger } from '../harness/baseNodes';
import { runPoll } from '../harness/triggers';
import { startNexusTest, type NexusTest } from '../nexus/helpers';

const workflow = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', '07-shipment-failed-team-chat.json'), 'utf8')) as WorkflowJson;

let t: NexusTest;
beforeAll(async () => {
	t = await startNexusTest({ requestsPerMinute: 0 });
	addBaseNodeTypes(t.engine, workflow);
	// The credential the demo imports, pointing at this sandbox's demo organization.
	t.engine.addCredential({
		id: 'nexusDemoAcct001',
		name: 'Nexus account',
		type: 'nexusApi',
		data: { apiKey: t.sandbox.orgs.a.apiKey, anonApiKey: t.sandbox.anonKey, baseUrl: t.sandbox.baseUrl },
	});
}, 60_000);
afterAll(async () => {
	await t?.close();
});

test('a failed shipment of the seed ends as one team chat message to the operations lead, naming the order and the AWB', async () => {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-nex.nexusTrigger');
	if (!trigger) throw new Error('example 7 has no Nexus Trigger');
	const openDm = workflow.nodes.find((node) => node.parameters.operation === 'openDm');
	const email = String(openDm?.parameters.userEmail);
	const [member] = await t.sandbox.query('select user_id::text from public.organization_members where organization_id = $1 and email = $2', [t.sandbox.orgs.a.id, email]);
	expect(member).toBeDefined();

	const staticData = {};
	expect((await runPoll(t.engine, trigger, staticData)).items).toBeNull();
	const [awb] = await t.sandbox.query(
		`select a.awb_number, o.order_number from public.awbs a join public.orders o on o.id = a.order_id
		where a.organization_id = $1 and a.status = 'in_transit' order by a.awb_number limit 1`,
		[t.sandbox.orgs.a.id],
	);
	await t.sandbox.moveShipment({ awbNumber: awb.awb_number, status: 'failed', notes: 'Customer not reachable' });
	const poll = await runPoll(t.engine, trigger, staticData);
	expect(poll.items).toHaveLength(1);

	const result = await runFromTrigger(t.engine, workflow, trigger.name, poll.items ?? []);
	expect(result.error?.message).toBeUndefined();
	const messages = await t.sandbox.query(
		`select m.content from public.internal_messages m
		where m.agent_account_id is not null and m.sender_id is null
			and exists (select 1 from public.internal_conversation_participants p where p.conversation_id = m.conversation_id and p.user_id = $1::uuid)`,
		[member.user_id],
	);
	expect(messages).toHaveLength(1);
	expect(messages[0].content).toContain(`order ${awb.order_number}, AWB ${awb.awb_number}`);
	expect(messages[0].content).toContain('Customer not reachable');
});
