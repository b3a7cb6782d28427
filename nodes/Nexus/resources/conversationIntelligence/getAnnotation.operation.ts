import { mcpToolOperation } from '../../shared/mcpToolOperation';
import { messageIdProperty, readMessageId } from './fields';

export const getAnnotation = mcpToolOperation({
	name: 'Get Message Annotation',
	value: 'getAnnotation',
	action: 'Get the annotation of a message',
	description: 'One message with its AI annotation (null when it has none yet) (MCP tool nexus_get_message_ai_annotation)',
	tool: 'nexus_get_message_ai_annotation',
	properties: [messageIdProperty],
	args() {
		return { message_id: readMessageId(this) };
	},
});
