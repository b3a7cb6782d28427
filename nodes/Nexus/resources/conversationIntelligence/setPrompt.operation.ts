import { invalidInput, requireText } from '../../../shared/parameters';
import { mcpToolOperation } from '../../shared/mcpToolOperation';

/** The longest prompt the tool takes. */
const MAX_PROMPT_LENGTH = 20_000;

const PROMPTS = [
	{ name: 'Tag Group', value: 'tag_group', description: 'How the tag group of a message is chosen' },
	{ name: 'Tag Message', value: 'tag_message', description: 'How messages are tagged with the taxonomy slugs' },
];

export const setPrompt = mcpToolOperation({
	name: 'Set Annotation Prompt',
	value: 'setPrompt',
	action: 'Set an annotation prompt',
	description: "Set the organization's prompt for tagging messages or choosing their tag group (MCP tool nexus_set_org_ai_annotation_prompt)",
	tool: 'nexus_set_org_ai_annotation_prompt',
	properties: [
		{ displayName: 'Prompt', name: 'promptKey', type: 'options', options: PROMPTS, default: 'tag_message', description: 'Which of the two prompts to set' },
		{ displayName: 'Prompt Text', name: 'promptText', type: 'string', typeOptions: { rows: 6 }, required: true, default: '', description: 'The prompt (at most 20,000 characters)' },
	],
	args() {
		const promptText = requireText(this, 'promptText', 'Prompt Text');
		if (promptText.length > MAX_PROMPT_LENGTH) {
			throw invalidInput(this, `Prompt Text is ${promptText.length} characters long, more than ${MAX_PROMPT_LENGTH}`, 'Shorten the prompt. Nothing was sent.');
		}
		return { prompt_key: this.getNodeParameter('promptKey', 'tag_message'), prompt_text: promptText };
	},
});
