import { requireText } from '../../../shared/parameters';
import { conversationUpdate } from './update';

export const assignConversation = conversationUpdate(
	{ name: 'Assign', value: 'assign', action: 'Assign a conversation to a user', description: 'Assign a conversation to a team member (assigned_to)' },
	function () {
		return { assigned_to: requireText(this, 'userId', 'User ID').trim() };
	},
	[
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the Nexus user to assign the conversation to (stored as text in assigned_to)',
		},
	],
);
