import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withMcpClient } from './mcpClient';
import { fieldsOfSchema } from './mcpFields';

/** The Tool dropdown, read live from the MCP server's `tools/list`: a tool added there is listed at once. */
export const mcpLoadOptions: Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>> = {
	async getMcpTools(this: ILoadOptionsFunctions) {
		const tools = await withMcpClient(this, async (client) => await client.listTools(this));
		return tools
			.map((tool) => ({
				name: tool.title ? `${tool.title} (${tool.name})` : tool.name,
				value: tool.name,
				description: `${tool.readOnly ? 'Read' : 'Write'}${tool.description ? `: ${tool.description}` : ''}`,
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},
};

/** The chosen tool's arguments (Arguments Mode "Map Each Field"), from its input schema in `tools/list`. */
export const mcpResourceMapping: Record<string, (this: ILoadOptionsFunctions) => Promise<ResourceMapperFields>> = {
	async getMcpToolFields(this: ILoadOptionsFunctions) {
		const value = this.getNodeParameter('tool', '');
		const name = typeof value === 'string' ? value.trim() : '';
		if (name === '') return { fields: [], emptyFieldsNotice: 'Choose a tool first' };
		const tool = (await withMcpClient(this, async (client) => await client.listTools(this))).find((entry) => entry.name === name);
		if (!tool) {
			throw new NodeOperationError(this.getNode(), `Tool Name or ID: the MCP server lists no tool "${name}"`, {
				description: 'Pick the tool from the list (it is read from the server).',
			});
		}
		return { fields: fieldsOfSchema(tool.inputSchema), emptyFieldsNotice: 'This tool takes no arguments' };
	},
};
