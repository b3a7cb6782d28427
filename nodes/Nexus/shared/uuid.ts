import type { IExecuteSingleFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { UUID_PATTERN } from '../../shared/ids';
import { parameterText } from '../../shared/parameters';
import { quoteValue } from '../../shared/quote';

/**
 * A UUID as the editor's ID fields check it (`validation.regex`): the editor builds the pattern
 * without flags, so both cases are spelled out. The node itself checks with `UUID_PATTERN`.
 */
export const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** A UUID parameter (plain or resource locator): empty or not a UUID is a NodeOperationError naming it. */
export function readUuid(context: IExecuteSingleFunctions, parameter: string, label: string): string {
	const value = parameterText(context, parameter);
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			description: `Enter the ${label} (a UUID such as 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c), or an expression that gives it.`,
		});
	}
	return checkUuid(context.getNode(), value, label, `${label} must be a UUID such as 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c.`);
}

/** An id given as text, lowercased; not a UUID is a NodeOperationError naming `label`. */
export function checkUuid(node: INode, value: string, label: string, description?: string): string {
	if (!UUID_PATTERN.test(value)) {
		throw new NodeOperationError(node, `${label} ${quoteValue(value)} is not a valid ID`, description === undefined ? {} : { description });
	}
	return value.toLowerCase();
}
