import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';

export const INVITE_ID = { parameter: 'inviteId', label: 'Invite ID' };

/** Body of agent-invite's cancel and resend actions. */
function inviteActionBody(context: IExecuteSingleFunctions, action: 'cancel' | 'resend'): IDataObject {
	return { action, invite_id: readUuid(context, INVITE_ID.parameter, INVITE_ID.label) };
}

/** Cancel Invite and Resend Invite: one agent-invite action on the invitation named by Invite ID. */
export function inviteActionOperation(
	inviteAction: 'cancel' | 'resend',
	option: Pick<Operation['option'], 'name' | 'value' | 'action' | 'description'>,
): Operation {
	return {
		option: {
			...option,
			routing: functionRouting('agent-invite', {
				what: 'invite',
				writes: true,
				safeToRepeat: false,
				body() {
					return inviteActionBody(this, inviteAction);
				},
			}),
		},
		properties: [
			{
				displayName: 'Invite ID',
				name: 'inviteId',
				type: 'string',
				default: '',
				required: true,
				description: 'ID of the invitation (a UUID), from Get Invites',
			},
		],
	};
}
