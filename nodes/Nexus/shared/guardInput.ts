import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertIdentifier, QueryInputError } from './postgrest';

/** Runs pure query building and turns its input errors into a NodeOperationError naming the field. */
export function guardInput<T>(context: Pick<IExecuteSingleFunctions, 'getNode'>, build: () => T): T {
	try {
		return build();
	} catch (error) {
		if (error instanceof QueryInputError) {
			throw new NodeOperationError(context.getNode(), error.message, {
				description: `Check the "${error.field}" parameter.`,
			});
		}
		throw new NodeOperationError(context.getNode(), error as Error);
	}
}

/** The Table parameter, checked to be a plain table name. */
export function readTable(context: IExecuteSingleFunctions): string {
	return guardInput(context, () => assertIdentifier(context.getNodeParameter('table', ''), 'Table', 'table'));
}
