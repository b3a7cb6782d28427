import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../shared/http';
import type { Operation } from '../../shared/operation';
import { type McpClient, withMcpClient } from './mcpClient';
import { toolValueOf } from './mcpProtocol';
import { nexusExecutor } from './transport';

/** The page size the MCP listing tools allow at most. */
export const MCP_MAX_PAGE = 100;

export interface McpToolOperationSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	/** The MCP tool it calls. */
	tool: string;
	properties: INodeProperties[];
	/** The tool's arguments, from the parameters (throw NodeOperationError to stop with nothing sent). */
	args(this: IExecuteSingleFunctions): IDataObject;
	/**
	 * A listing tool: its `data` rows as items. `paged` (`{data, has_more}` with limit/offset): every
	 * page with Return All.
	 */
	listing?: 'paged' | 'whole';
	/** A listing that pages its own way (e.g. by a cursor): its rows, each tool call through `call`. */
	list?(this: IExecuteSingleFunctions, call: (args: IDataObject) => Promise<unknown>, args: IDataObject): Promise<IDataObject[]>;
}

/** The `data` rows of a listing tool's answer. */
export function dataOf(value: unknown): IDataObject[] {
	const data = (value as IDataObject | undefined)?.data;
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/**
 * An operation that is one MCP tool with parameters of its own: a thin shape over the same client
 * as Run Tool (one session per execution, retries only for read-only tools).
 */
export function mcpToolOperation(spec: McpToolOperationSpec): Operation {
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: nexusExecutor.programmatic({
				safeToRepeat: false,
				what: `MCP tool "${spec.tool}"`,
				validate() {
					spec.args.call(this);
				},
				async run() {
					const args = spec.args.call(this);
					return await withMcpClient(this, async (client) => await callListing.call(this, client, spec, args));
				},
			}),
		},
		properties: spec.properties,
	};
}

/** The tool's result as rows: one call, or every page of a paged listing. */
async function callListing(this: IExecuteSingleFunctions, client: McpClient, spec: McpToolOperationSpec, args: IDataObject): Promise<IDataObject[]> {
	if (spec.list) return await spec.list.call(this, async (page) => toolValueOf(await client.callTool(this, spec.tool, page)), args);
	if (!spec.listing) return toItems(toolValueOf(await client.callTool(this, spec.tool, args))).map((item) => item.json);
	if (spec.listing === 'whole') return dataOf(toolValueOf(await client.callTool(this, spec.tool, args)));
	const returnAll = this.getNodeParameter('returnAll', false) === true;
	const rows: IDataObject[] = [];
	let offset = 0;
	// Pages by offset until the tool says there are no more, or, where it does not say, a page comes back short (or the Limit is met).
	for (;;) {
		const page = toolValueOf(
			await client.callTool(this, spec.tool, { ...args, ...(returnAll ? { limit: MCP_MAX_PAGE } : {}), ...(offset > 0 ? { offset } : {}) }),
		) as IDataObject;
		const data = dataOf(page);
		rows.push(...data);
		const more = typeof page?.has_more === 'boolean' ? page.has_more : data.length >= MCP_MAX_PAGE;
		if (!returnAll || !more || data.length === 0) break;
		offset += data.length;
	}
	return rows;
}
