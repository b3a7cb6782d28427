import { mcpToolOperation } from '../../shared/mcpToolOperation';

export const getSettings = mcpToolOperation({
	name: 'Get Annotation Settings',
	value: 'getSettings',
	action: 'Get the annotation settings',
	description: "The organization's annotation prompts, active tag definitions and AI profile (MCP tool nexus_get_org_ai_annotation_settings)",
	tool: 'nexus_get_org_ai_annotation_settings',
	properties: [],
	args() {
		return {};
	},
});
