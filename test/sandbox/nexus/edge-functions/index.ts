/** The edge functions under /functions/v1/ (agent-auth is handled by the server itself). */
import { callInitiate } from './calls';
import type { EdgeHandler } from './common';
import { completePick, createAwbBosta, startPicking } from './fulfillment';
import { agentInvite } from './invites';
import { facebookSendMessage, instagramSendMessage, whatsappSendMessage, whatsappSendTemplate } from './messaging';
import { agentUsage } from './usage';

export interface EdgeFunction {
	methods: string[];
	handler: EdgeHandler;
}

export const EDGE_FUNCTIONS: Record<string, EdgeFunction> = {
	'whatsapp-send-message': { methods: ['POST'], handler: whatsappSendMessage },
	'whatsapp-send-template': { methods: ['POST'], handler: whatsappSendTemplate },
	'facebook-send-message': { methods: ['POST'], handler: facebookSendMessage },
	'instagram-send-message': { methods: ['POST'], handler: instagramSendMessage },
	'start-picking': { methods: ['POST'], handler: startPicking },
	'complete-pick': { methods: ['POST'], handler: completePick },
	'create-awb-bosta': { methods: ['POST'], handler: createAwbBosta },
	'call-initiate': { methods: ['POST'], handler: callInitiate },
	'agent-invite': { methods: ['POST', 'GET'], handler: agentInvite },
	'agent-usage': { methods: ['GET', 'POST'], handler: agentUsage },
};

export type { EdgeContext, EdgeHandler } from './common';
