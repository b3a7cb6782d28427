import type { IDataObject } from 'n8n-workflow';

/** One page of a listing and how to ask for the next (undefined: this was the last page). */
export interface Page<State> {
	items: IDataObject[];
	next?: State;
}

/**
 * Reads pages until the listing ends or `limit` items were collected. Every page's items are
 * appended once; a page that repeats the previous state stops the loop instead of looping forever.
 */
export async function collectPages<State>(
	first: State,
	fetchPage: (state: State, wanted: number) => Promise<Page<State>>,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let state: State | undefined = first;
	let previousKey: string | undefined;
	while (state !== undefined) {
		const wanted = limit === undefined ? Number.POSITIVE_INFINITY : limit - collected.length;
		if (wanted <= 0) break;
		const key = JSON.stringify(state);
		if (key === previousKey) break;
		previousKey = key;
		const page = await fetchPage(state, wanted);
		for (const item of page.items) {
			if (collected.length >= (limit ?? Number.POSITIVE_INFINITY)) break;
			collected.push(item);
		}
		state = page.items.length === 0 ? undefined : page.next;
	}
	return collected;
}
