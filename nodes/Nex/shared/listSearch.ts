import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nexApiRequest } from './transport';

/**
 * A dropdown search over a listing Nex answers in one request (no paging, no server-side search):
 * the items whose `text` contains the filter, case-insensitively.
 */
export function searchOneAnswer(options: {
	url: string;
	scope: string;
	/** Where the items sit in the answer. */
	items: string;
	text: (item: IDataObject) => string;
	name: (item: IDataObject) => string;
}) {
	return async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const answer = (await nexApiRequest.call(this, 'GET', options.url, { scope: options.scope, safeToRepeat: true })) as IDataObject;
		const items = Array.isArray(answer?.[options.items]) ? (answer[options.items] as IDataObject[]) : [];
		const wanted = (filter ?? '').trim().toLowerCase();
		return {
			results: items
				.filter((item) => !wanted || options.text(item).toLowerCase().includes(wanted))
				.map((item) => ({ name: options.name(item), value: String(item.id) })),
		};
	};
}
