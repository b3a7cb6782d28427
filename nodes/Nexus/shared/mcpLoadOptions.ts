import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { withMcpClient } from './mcpClient';

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
