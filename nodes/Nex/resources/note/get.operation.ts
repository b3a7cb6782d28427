import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { NOTE_PATH, NOTE_SCOPE_READ, noteIdLocator } from './fields';

export const noteGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a note by its numeric ID',
		description: 'Get one note by its numeric ID',
		routing: nexRouting(
			{ method: 'GET', url: NOTE_PATH },
			{ scope: NOTE_SCOPE_READ, safeToRepeat: true, notFound: 'note', pathIds: [{ parameter: 'noteId', label: 'Note' }] },
		),
	},
	properties: [noteIdLocator],
};
