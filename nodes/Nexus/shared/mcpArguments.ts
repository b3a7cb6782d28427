import type { IDataObject, IExecuteSingleFunctions, ResourceMapperField } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { mappedArguments } from './mcpFields';
import { parseArguments } from './mcpProtocol';

type ArgumentsContext = Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>;

/** The Arguments parameter (of Run Tool and Call Function), or another JSON parameter: a JSON object, or an error naming it. */
export function readJsonArguments(
	context: ArgumentsContext,
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

/** Run Tool's arguments: the JSON object (the default), or each field mapped (n8n's resource mapper). */
export function readToolArguments(context: ArgumentsContext): IDataObject {
	if (context.getNodeParameter('argumentsMode', 'json') !== 'fields') return readJsonArguments(context);
	const mapper = context.getNodeParameter('toolArguments', {}) as { value?: IDataObject | null; schema?: ResourceMapperField[] };
	const mapped = mappedArguments(mapper.value, Array.isArray(mapper.schema) ? mapper.schema : []);
	if (mapped.problem !== undefined || mapped.value === undefined) {
		throw new NodeOperationError(context.getNode(), `Arguments: ${mapped.problem ?? 'could not be read'}`, {
			description: "Enter a value of the field's type (the fields come from the tool's input schema). Nothing was sent.",
		});
	}
	return mapped.value;
}
