import type { Operation } from '../../../shared/operation';
import { itemRouting } from '../../shared/listedItem';
import { noteItem } from './fields';

export const noteGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a note by its numeric ID',
		description: 'Get one note by its numeric ID',
		routing: itemRouting(noteItem, 'GET'),
	},
	properties: [noteItem.locator],
};
