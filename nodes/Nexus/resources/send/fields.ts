import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const messageTextProperty: INodeProperties = {
	displayName: 'Message',
	name: 'message',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
	description: 'Text to send (at most 4096 characters)',
};

/** The message text, non-empty and within the platforms' 4096-character limit. */
export function readMessageText(context: IExecuteSingleFunctions): string {
	const text = String(context.getNodeParameter('message', '') ?? '');
	if (text.trim() === '') {
		throw new NodeOperationError(context.getNode(), 'Message is empty', { description: 'Enter the text to send.' });
	}
	if (text.length > 4096) {
		throw new NodeOperationError(context.getNode(), `Message is too long (${text.length} characters)`, {
			description: 'Messages can have at most 4096 characters: shorten it or split it into several messages.',
		});
	}
	return text;
}
