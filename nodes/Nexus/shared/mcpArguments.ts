import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseArguments } from './mcpProtocol';

/** The Arguments parameter (of Run Tool and Call Function): a JSON object, or an error naming it. */
export function readJsonArguments(context: Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>): IDataObject {
	const parsed = parseArguments(context.getNodeParameter('arguments', '{}'));
	if (parsed.problem !== undefined || parsed.value === undefined) {
		throw new NodeOperationError(context.getNode(), `Arguments: ${parsed.problem ?? 'must be a JSON object'}`, {
			description: 'Enter the arguments as one JSON object, e.g. {"limit": 10}. Nothing was sent.',
		});
	}
	return parsed.value;
}
