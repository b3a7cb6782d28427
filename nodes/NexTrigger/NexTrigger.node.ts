import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

import { NEX_CREDENTIAL_TYPE } from '../Nex/shared/transport';
import { triggerNodeBasics } from '../shared/nodeDescription';
import { nexTriggerProperties, readTriggerParameters } from './description';
import { InsightListener } from './listener';
import { openNexSession } from './session';

/**
 * Starts a workflow for new Nex insights, from the live insight stream (Server-Sent Events).
 * Parameters: `description.ts`; events, memory and gap fill: `listener.ts`; the connection:
 * `connection.ts`; SSE framing: `sse/parser.ts`.
 */
export class NexTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nex Trigger',
		name: 'nexTrigger',
		icon: { light: 'file:nex.svg', dark: 'file:nex.dark.svg' },
		group: ['trigger'],
		...triggerNodeBasics(NEX_CREDENTIAL_TYPE, 'listening'),
		subtitle: '={{$parameter["outputMode"] === "insight" ? "One execution per insight" : "One execution per batch"}}',
		// n8n's node panel lists an app's node and its trigger as one entry ("Nex") and shows the
		// trigger's description there, so it speaks of Nex as a whole; the trigger's own line in
		// that entry comes from "Trigger On" below.
		description: 'Nex, the context graph for AI agents: records, lists, tasks, notes, AI context and insights',
		defaults: { name: 'Nex Trigger' },
		eventTriggerDescription: 'Waiting for Nex to emit new insights',
		properties: [
			{
				// One choice, so the panel lists "On new insights" instead of "On new Nex event".
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newInsights',
				options: [
					{
						name: 'New Insights',
						value: 'newInsights',
						action: 'On new insights',
						description: 'Starts the workflow when Nex discovers new insights (live insight stream)',
					},
				],
			},
			...nexTriggerProperties,
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const { settings, testWithRecent } = readTriggerParameters(this);
		const manual = this.getMode() === 'manual';
		// The credential is read here, while n8n can resolve it (see session.ts).
		const listener = new InsightListener(this, await openNexSession(this), settings, manual);
		const closeFunction = async () => await listener.close();
		if (manual && testWithRecent) {
			return { closeFunction, manualTriggerFunction: async () => await listener.emitRecentOrListen() };
		}
		listener.listen();
		return { closeFunction };
	}
}
