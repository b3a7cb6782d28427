import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dataOf, MCP_MAX_PAGE } from '../../shared/mcpToolOperation';

/**
 * The `before` of the page older than one whose oldest message was created at `createdAt`: the next
 * millisecond, so that messages sharing that time (kept to the microsecond, or not) are asked for
 * again rather than skipped; those already read are left out by id.
 */
function beforeNextPage(createdAt: unknown): string | undefined {
	const ms = Date.parse(String(createdAt ?? ''));
	return Number.isNaN(ms) ? undefined : new Date(ms + 1).toISOString();
}

/**
 * Every message of a conversation, oldest first: the tool answers the latest `limit` messages
 * created before `before`, so the pages run backwards in time until one comes back short.
 */
export async function everyMessage(node: INode, call: (args: IDataObject) => Promise<unknown>, args: IDataObject): Promise<IDataObject[]> {
	const seen = new Set<string>();
	const pages: IDataObject[][] = [];
	let before = args.before;
	for (;;) {
		const page = dataOf(await call({ ...args, limit: MCP_MAX_PAGE, ...(before === undefined ? {} : { before }) }));
		const fresh = page.filter((message) => !seen.has(String(message.id)));
		for (const message of fresh) seen.add(String(message.id));
		pages.unshift(fresh);
		if (page.length < MCP_MAX_PAGE) return pages.flat();
		before = beforeNextPage(page[0]?.created_at);
		if (fresh.length === 0 || before === undefined) {
			throw new NodeOperationError(node, `Get Messages: cannot page further back than ${String(page[0]?.created_at)}`, {
				description: `More than ${MCP_MAX_PAGE} messages share one millisecond (or carry no readable created_at); turn Return All off and use Before to read them.`,
			});
		}
	}
}

