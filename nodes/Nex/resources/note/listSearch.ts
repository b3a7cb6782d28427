import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import { NOTE_SCOPE_READ } from './fields';

/** Notes for the "Note" dropdown: the newest 200 (Nex has no paging or search for notes), filtered here by title. */
export async function searchNotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const answer = (await nexApiRequest.call(this, 'GET', '/v1/notes', {
		scope: NOTE_SCOPE_READ,
		safeToRepeat: true,
	})) as IDataObject;
	const notes = Array.isArray(answer?.data) ? (answer.data as IDataObject[]) : [];
	const wanted = (filter ?? '').trim().toLowerCase();
	return {
		results: notes
			.filter((note) => !wanted || String(note.title ?? '').toLowerCase().includes(wanted))
			.map((note) => ({ name: String(note.title ?? note.id), value: String(note.id) })),
	};
}
