import type { INodeProperties } from 'n8n-workflow';

import { listedItemLocator } from '../../shared/idLocator';

export const NOTE_SCOPE_READ = 'note.read';
export const NOTE_SCOPE_WRITE = 'note.write';

/** Nex answers at most 200 notes and has no paging. */
export const NOTES_CAP = 200;

/** The note to act on: picked from a list, or its ID. */
export const noteIdLocator = listedItemLocator({
	displayName: 'Note',
	name: 'noteId',
	description: 'The note to use',
	searchListMethod: 'searchNotes',
});

export const NOTE_PATH = '/v1/notes/{noteId}';

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
