import type { INodeProperties } from 'n8n-workflow';

import { listedItem } from '../../shared/listedItem';

export const NOTE_SCOPE_READ = 'note.read';
export const NOTE_SCOPE_WRITE = 'note.write';

/** Nex answers at most 200 notes and has no paging. */
export const NOTES_CAP = 200;

/** A note, picked from a list or by its ID, at `/v1/notes/{noteId}`. */
export const noteItem = listedItem({ label: 'Note', parameter: 'noteId', noun: 'note', searchListMethod: 'searchNotes', path: '/v1/notes/{noteId}', scopes: { read: NOTE_SCOPE_READ, write: NOTE_SCOPE_WRITE } });

/** The Content and Record ID fields of Create ("Additional Fields") and Update ("Update Fields"). */
export function noteBodyFields(descriptions: { content: string; entityId: string }): INodeProperties[] {
	return [
		{
			displayName: 'Content',
			name: 'content',
			type: 'string',
			typeOptions: { rows: 5 },
			default: '',
			description: descriptions.content,
			routing: { send: { type: 'body', property: 'content' } },
		},
		{
			displayName: 'Record ID',
			name: 'entityId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 32710180831586561',
			description: descriptions.entityId,
			routing: { send: { type: 'body', property: 'entity_id' } },
		},
	];
}
