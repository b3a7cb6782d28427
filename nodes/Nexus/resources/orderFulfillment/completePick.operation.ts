import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';
import { readUuid } from '../../shared/uuid';

export const completePick: Operation = {
	option: {
		name: 'Complete Pick',
		value: 'completePick',
		action: 'Complete a pick list (deducts stock)',
		description: 'Mark a pick list as picked (complete-pick); stock is deducted',
		routing: functionRouting('complete-pick', {
			what: 'pick list',
			writes: true,
			safeToRepeat: false,
			body() {
				return { pick_list_id: readUuid(this, 'pickListId', 'Pick List ID') };
			},
		}),
	},
	properties: [
		{
			displayName: 'Pick List ID',
			name: 'pickListId',
			type: 'string',
			default: '',
			required: true,
			description: 'The pick_list_id that Start Picking returned (a UUID)',
		},
	],
};
