import { filterOptionsProperty, filtersProperty, tableProperty } from '../../shared/fields';
import { toQueryObject } from '../../shared/postgrest';
import type { Operation } from '../../../shared/operation';
import { RETURN_REPRESENTATION } from '../../shared/rowRouting';
import { requiredFilterPairs } from './requiredFilters';
import { TABLE_PATH_ID } from './tablePathId';
import { nexusExecutor } from '../../shared/transport';

export const deleteTableRows: Operation = {
	option: {
		name: 'Delete Rows',
		value: 'delete',
		action: 'Delete the rows of any table that match filters permanently',
		description: 'Delete the rows of any table that match the filters; outputs the deleted rows',
		routing: nexusExecutor.routing(
			{ method: 'DELETE', url: '=/rest/v1/{{String($parameter.table).trim()}}' },
			{
				safeToRepeat: false,
				pathIds: [TABLE_PATH_ID],
				writes: true,
				deletes: true,
				what: 'table',
				request() {
					const pairs = requiredFilterPairs(this, 'Delete Rows deletes only the rows matching the filters; it never empties a whole table.');
					return { qs: toQueryObject(pairs), headers: { Prefer: RETURN_REPRESENTATION } };
				},
			},
		),
	},
	properties: [tableProperty, filtersProperty('any column of the table'), filterOptionsProperty()],
};
