import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { NOTE_PATH, NOTE_SCOPE_WRITE, noteIdLocator } from './fields';

export const noteDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a note (archived, gone from lists)',
		description: 'Archive a note (Nex keeps it with an archived date; it no longer appears in lists)',
		routing: nexRouting(
			{ method: 'DELETE', url: NOTE_PATH },
			{
				scope: NOTE_SCOPE_WRITE,
				safeToRepeat: true,
				notFound: 'note',
				pathIds: [{ parameter: 'noteId', label: 'Note' }],
				async transform() {
					const id = String(this.getNodeParameter('noteId', '', { extractValue: true }));
					return [{ id, deleted: true }];
				},
			},
		),
	},
	properties: [noteIdLocator],
};
