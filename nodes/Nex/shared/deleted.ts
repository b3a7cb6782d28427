import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { parameterText } from '../../shared/parameters';

/**
 * `transform` for deletes, which Nex answers with an empty 200: one item saying what was
 * deleted, e.g. `{deleted: true, id: "123"}`. Fields of a non-empty answer are kept.
 */
export function deletedResult(flag: 'deleted' | 'removed', ids: Record<string, string>) {
	return async function (this: IExecuteSingleFunctions, items: IDataObject[]): Promise<IDataObject[]> {
		const result: IDataObject = { [flag]: true };
		for (const [key, parameter] of Object.entries(ids)) result[key] = parameterText(this, parameter);
		const answer = items[0];
		return [answer && Object.keys(answer).length > 0 ? { ...result, ...answer } : result];
	};
}
