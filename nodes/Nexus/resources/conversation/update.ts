import type { INodeProperties } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import type { Operation } from '../../../shared/operation';
import { updateRowRouting, type BodyBuilder } from '../../shared/rowRouting';
import { conversationIdLocator, CONVERSATION_ID } from './fields';

/** An operation that sets documented columns of one chat (is_archived, assigned_to, unread_count), answering the row. */
export function conversationUpdate(
	option: { name: string; value: string; action: string; description: string },
	body: BodyBuilder,
	properties: INodeProperties[] = [],
): Operation {
	return {
		option: { ...option, routing: updateRowRouting('chats', 'conversation', CONVERSATION_ID, body) },
		properties: [recordLocator(conversationIdLocator), ...properties],
	};
}
