import type { NodeContext } from './context';

/**
 * The key of an execution's node (with its credential), for state shared by the items of one
 * run; undefined where there is no execution (loading options).
 */
export function executionKeyOf(context: NodeContext): string | undefined {
	const executionId = (context as { getExecutionId?: () => string | undefined }).getExecutionId?.();
	if (!executionId) return undefined;
	const node = context.getNode();
	return `${executionId}\n${node.id ?? node.name}\n${JSON.stringify(node.credentials ?? {})}`;
}
