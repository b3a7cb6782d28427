import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseArguments } from './mcpProtocol';

/** The Arguments parameter (of Run Tool and Call Function), or another JSON parameter: a JSON object, or an error naming it. */
export function readJsonArguments(
	context: Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>,
	parameter = 'arguments',
	label = 'Arguments',
): IDataObject {
	const parsed = parseArguments(context.getNodeParameter(parameter, '{}'));
	if (parsed.problem !== undefined || parsed.value === undefined) {
		throw new NodeOperationError(context.getNode(), `${label}: ${parsed.problem ?? 'must be a JSON object'}`, {
			description: `Enter the ${label.toLowerCase()} as one JSON object, e.g. {"limit": 10}. Nothing was sent.`,
		});
	}
	return parsed.value;
}
