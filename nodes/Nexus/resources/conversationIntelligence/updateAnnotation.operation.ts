import type { IDataObject } from 'n8n-workflow';

import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { fieldsCollection, listField, messageIdProperty, optionsOf, readMessageId, readSlugs, requireChanges, textArguments, textField } from './fields';

export const updateAnnotation = mcpToolOperation({
	name: 'Update Message Annotation',
	value: 'updateAnnotation',
	action: 'Update the annotation of a message',
	description: "Correct a message's annotation, creating it when missing (MCP tool nexus_update_message_annotation)",
	tool: 'nexus_update_message_annotation',
	properties: [
		messageIdProperty,
		fieldsCollection('updateFields', [
			textField('Intent', 'intent', 'Intent of the message, e.g. track_order'),
			{ displayName: 'Sentiment', name: 'sentiment', type: 'options', options: optionsOf(['positive', 'neutral', 'negative']), default: 'neutral' },
			textField('Summary', 'summary', 'Short summary of the message'),
			textField('Tag Group', 'tagGroup', "Tag group; empty: the first tag's category"),
			{ ...listField('Tags', 'tags', 'Active message tag slugs replacing the current tags'), placeholder: 'order_status, complaint' },
			{ displayName: 'Urgency', name: 'urgency', type: 'options', options: optionsOf(['low', 'normal', 'high']), default: 'normal' },
		]),
	],
	args() {
		const messageId = readMessageId(this);
		const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
		const changes = textArguments(fields, { tagGroup: 'tag_group', intent: 'intent', sentiment: 'sentiment', urgency: 'urgency', summary: 'summary' });
		if (fields.tags !== undefined) changes.tags = readSlugs(this, fields.tags, 'Tags');
		requireChanges(this, changes, 'Tags, Tag Group, Intent, Sentiment, Urgency or Summary');
		return { message_id: messageId, ...changes };
	},
});
