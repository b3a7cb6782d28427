import type { INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { NEX_CREDENTIAL_TYPE } from '../Nex/shared/transport';
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
		version: 1,
		subtitle: '={{$parameter["outputMode"] === "insight" ? "One execution per insight" : "One execution per batch"}}',
		description: 'Starts the workflow when Nex discovers new insights (live insight stream)',
		eventTriggerDescription: 'Waiting for Nex to emit new insights',
		defaults: { name: 'Nex Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: NEX_CREDENTIAL_TYPE, required: true }],
		properties: nexTriggerProperties,
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
