import type { IDataObject } from 'n8n-workflow';

import { filtersCollection } from '../../../shared/collections';
import { checkDateTime } from '../../../shared/dateTime';
import { readLimit, returnAllAndLimit } from '../../../shared/operation';
import { MCP_MAX_PAGE, mcpToolOperation } from '../../shared/mcpToolOperation';
import { checkUuid } from '../../shared/uuid';
import { checkSlug, textArguments, textField } from './fields';

export const getAnnotations = mcpToolOperation({
	name: 'Get Message Annotations',
	value: 'getAnnotations',
	action: 'Get message annotations',
	description: 'AI annotations of customer messages (tags, tag group, intent), newest message first (MCP tool nexus_list_message_annotations)',
	tool: 'nexus_list_message_annotations',
	listing: 'paged',
	properties: [
		...returnAllAndLimit({ max: MCP_MAX_PAGE }),
		filtersCollection([
			textField('Conversation ID', 'chatId', 'Only messages of the conversation with this ID'),
			textField('Intent', 'intent', 'Only annotations with this intent'),
			{ displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'Only messages sent at or after this time' },
			textField('Tag', 'tag', 'Only annotations carrying this tag slug'),
			textField('Tag Group', 'tagGroup', 'Only annotations of this tag group'),
		]),
	],
	args() {
		const limit = readLimit(this, MCP_MAX_PAGE);
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const args = textArguments(filters, { tagGroup: 'tag_group', intent: 'intent' });
		const text = textArguments(filters, { chatId: 'chat_id', tag: 'tag' });
		if (text.chat_id !== undefined) args.chat_id = checkUuid(this.getNode(), String(text.chat_id), 'Conversation ID');
		if (text.tag !== undefined) args.tag = checkSlug(this, text.tag, 'Tag');
		if (filters.since) args.since = checkDateTime(this, filters.since, 'Since');
		return limit === undefined ? args : { ...args, limit };
	},
});
