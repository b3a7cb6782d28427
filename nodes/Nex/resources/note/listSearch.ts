import { searchOneAnswer } from '../../shared/listSearch';
import { NOTE_SCOPE_READ } from './fields';

/** Notes for the "Note" dropdown: the newest 200 (Nex has no paging or search for notes), filtered here by title. */
export const searchNotes = searchOneAnswer({
	url: '/v1/notes',
	scope: NOTE_SCOPE_READ,
	items: 'data',
	text: (note) => String(note.title ?? ''),
	name: (note) => String(note.title ?? note.id),
});
