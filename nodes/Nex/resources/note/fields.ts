import type { INodeProperties } from 'n8n-workflow';

export const NOTE_SCOPE_READ = 'note.read';
export const NOTE_SCOPE_WRITE = 'note.write';

/** Nex answers at most 200 notes and has no paging. */
export const NOTES_CAP = 200;

/** The note to act on: picked from a list, or its ID. */
export const noteIdLocator: INodeProperties = {
	displayName: 'Note',
	name: 'noteId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The note to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a note...',
			typeOptions: { searchListMethod: 'searchNotes', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 32710180831586561',
		},
	],
};

export const NOTE_PATH = '/v1/notes/{noteId}';
