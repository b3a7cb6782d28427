import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NodeContext } from '../../shared/context';
import { McpAnswerError, McpRpcError } from './mcpProtocol';

/** The JSON-RPC error a non-2xx answer carried, as the transport kept it. */
function rpcErrorOfApiError(error: NodeApiError): { code?: unknown; message?: unknown } | undefined {
	const vendor = (error.context?.nexus ?? {}) as IDataObject;
	const rpc = vendor.error;
	return rpc !== null && typeof rpc === 'object' && !Array.isArray(rpc) ? (rpc as IDataObject) : undefined;
}

/** Errors of the MCP exchange as the user reads them: the vendor's message kept, what to do added. */
export function asMcpError(context: NodeContext, error: unknown): Error {
	const node = context.getNode();
	if (error instanceof McpRpcError) {
		return new NodeOperationError(node, `Nexus MCP server error (${error.code ?? 'no code'}): ${error.rpcMessage}`, {
			description: rpcErrorAdvice(error.code),
		});
	}
	if (error instanceof McpAnswerError) {
		const attempts = error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
		return new NodeOperationError(node, `${error.message}${attempts}`, {
			description: error.repeatable
				? 'Nexus did not complete the answer. Try again later; if it persists, the MCP server may be unavailable.'
				: 'Nexus did not complete the answer. The request was not repeated, because the tool may already have taken effect: check in Nexus whether it did before running the node again.',
		});
	}
	if (error instanceof NodeApiError) {
		const rpc = rpcErrorOfApiError(error);
		if (rpc && typeof rpc.message === 'string') {
			// The transport kept the JSON-RPC body whole; say it plainly.
			error.message = `Nexus MCP server error ${error.httpCode ?? ''} (${String(rpc.code ?? 'no code')}): ${rpc.message}`.replace('  ', ' ');
		}
	}
	return error instanceof Error ? error : new NodeOperationError(node, String(error));
}

function rpcErrorAdvice(code: number | undefined): string {
	switch (code) {
		case -32601:
			return 'The MCP server does not know this method.';
		case -32602:
			return 'The tool name or its arguments were refused. Pick the tool from the list (it is loaded from the server) and check the arguments against its input schema.';
		case -32001:
			return 'The MCP session ended. Run the node again.';
		default:
			return 'The MCP server refused the request. Check the tool and its arguments; if it persists, the server may be unavailable.';
	}
}

export function toolFailureAdvice(code: string | undefined): string {
	switch (code) {
		case 'invalid_arguments':
			return "Check the Arguments against the tool's input schema (the tool list describes each tool).";
		case 'insufficient_scope':
			return 'The agent API key lacks the scope this tool needs (read, write or admin). Ask an organization admin for a key with that scope.';
		case 'plan_scope_limit':
		case 'plan_upgrade_required':
		case 'plan_limit_exceeded':
			return "The organization's plan does not allow this. Upgrade the plan in Nexus, or use a tool the plan includes.";
		case 'not_found':
			return 'Nothing matches the id given. Check the ids in the Arguments.';
		default:
			return 'The tool ran and reported a failure. Check its Arguments; the message above is the tool\'s own.';
	}
}
