import { filtersProperty, listOptionsProperty, PLATFORMS } from '../../shared/fields';
import { listExpression, type QueryPairs } from '../../shared/postgrest';
import type { Operation } from '../../../shared/operation';
import { listRowsRouting } from '../../shared/rowRouting';
import { CONVERSATION_COLUMNS_HINT } from './fields';
import { returnAllAndLimit } from '../../../shared/operation';

export const getAllConversations: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List conversations, latest message first',
		description: 'List conversations (chats), most recent message first; archived ones only when asked',
		routing: listRowsRouting('chats', 'conversations', {
			defaultSort: [{ column: 'last_message_time', direction: 'desc', nulls: 'last' }],
			fixed() {
				const pairs: QueryPairs = [];
				const platforms = this.getNodeParameter('platforms', []) as string[];
				if (platforms.length) pairs.push(['platform', `in.${listExpression(platforms)}`]);
				if (!this.getNodeParameter('includeArchived', false)) pairs.push(['is_archived', 'eq.false']);
				return pairs;
			},
		}),
	},
	properties: [
		...returnAllAndLimit(),
		{
			displayName: 'Platforms',
			name: 'platforms',
			type: 'multiOptions',
			options: PLATFORMS,
			default: [],
			description: 'Only conversations on these platforms (none: all platforms)',
		},
		{
			displayName: 'Include Archived',
			name: 'includeArchived',
			type: 'boolean',
			default: false,
			description: 'Whether to include archived conversations (is_archived = true)',
		},
		filtersProperty(CONVERSATION_COLUMNS_HINT),
		listOptionsProperty('last_message_time descending'),
	],
};
