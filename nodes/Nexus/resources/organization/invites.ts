import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { readUuid } from '../../shared/uuid';

export const INVITE_ID = { parameter: 'inviteId', label: 'Invite ID' };

/** Body of agent-invite's cancel and resend actions. */
export function inviteAction(context: IExecuteSingleFunctions, action: 'cancel' | 'resend'): IDataObject {
	return { action, invite_id: readUuid(context, INVITE_ID.parameter, INVITE_ID.label) };
}
