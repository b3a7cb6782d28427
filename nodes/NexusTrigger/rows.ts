import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { nexusApiRequest } from '../Nexus/shared/transport';
import type { KeysetCursor } from './cursor';
import { TRIGGER_TIMEOUT_MS } from './timeout';
import type { WatchedSource } from './watchedSource';

/** One request for rows of a source; the answer must be a list of rows with `id` and the cursor column. */
export async function getRows(
	context: IPollFunctions,
	source: WatchedSource,
	qs: IDataObject,
): Promise<{ rows: IDataObject[]; headers: IDataObject }> {
	const answer = await nexusApiRequest.call(
		context,
		'GET',
		`/rest/v1/${source.table}`,
		{ safeToRepeat: true, what: source.what, defaultTimeoutMs: TRIGGER_TIMEOUT_MS },
		{ qs: { ...source.filters, ...qs } },
	);
	if (!Array.isArray(answer.body)) {
		throw new NodeOperationError(context.getNode(), `Nexus answered the ${source.what} query with something other than a list of rows`, {
			description: 'Check the Base URL in the Nexus API credential: it must be the root of the Nexus API (REST under /rest/v1).',
		});
	}
	const rows = answer.body as IDataObject[];
	for (const row of rows) {
		if (typeof row.id !== 'string' || typeof row[source.column] !== 'string') {
			throw new NodeOperationError(context.getNode(), `Nexus answered a row of ${source.table} without "id" or "${source.column}"`, {
				description: `The trigger reads ${source.what} in ${source.column} and id order; check that the ${source.table} table exposes both columns.`,
			});
		}
	}
	return { rows, headers: answer.headers };
}

export function cursorOf(source: WatchedSource, row: IDataObject): KeysetCursor {
	return { at: row[source.column] as string, id: row.id as string };
}

/** The server's clock from a response's `Date` header, as an ISO timestamp. */
export function serverTimeOf(headers: IDataObject): string | undefined {
	const date = Array.isArray(headers.date) ? headers.date[0] : headers.date;
	const parsed = typeof date === 'string' ? Date.parse(date) : Number.NaN;
	return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}
