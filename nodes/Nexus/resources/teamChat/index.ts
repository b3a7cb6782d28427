import { resourceProperties } from '../../../shared/operation';
import { getTeamChatConversations } from './getConversations.operation';
import { getTeamChatMessages } from './getMessages.operation';
import { openTeamChatDm } from './openDm.operation';
import { sendTeamChatMessage } from './sendMessage.operation';

export const teamChatDescription = resourceProperties(
	'teamChat',
	[getTeamChatConversations, getTeamChatMessages, openTeamChatDm, sendTeamChatMessage],
	'sendMessage',
);
