import { filterOptionsProperty, filtersProperty, tableProperty } from '../../shared/fields';
import { toQueryObject } from '../../shared/postgrest';
import type { Operation } from '../../../shared/operation';
import { RETURN_REPRESENTATION } from '../../shared/rowRouting';
import { requiredFilterPairs } from './requiredFilters';
import { TABLE_PATH_ID } from './tablePathId';
import { readRows, rowsInputProperties } from './rowsInput';
import { nexusExecutor } from '../../shared/transport';

export const updateTableRows: Operation = {
	option: {
		name: 'Update Rows',
		value: 'update',
		action: 'Update the rows of any table that match filters',
		description: 'Change the rows of any table that match the filters; outputs the rows written',
		routing: nexusExecutor.routing(
			{ method: 'PATCH', url: '=/rest/v1/{{String($parameter.table).trim()}}' },
			{
				safeToRepeat: true,
				pathIds: [TABLE_PATH_ID],
				writes: true,
				what: 'table',
				request() {
					const pairs = requiredFilterPairs(this, 'Update Rows changes only the rows matching the filters; it never updates a whole table.');
					const [changes] = readRows(this, 'update');
					return { qs: toQueryObject(pairs), body: changes, headers: { Prefer: RETURN_REPRESENTATION } };
				},
			},
		),
	},
	properties: [tableProperty, filtersProperty('any column of the table'), ...rowsInputProperties('update'), filterOptionsProperty()],
};
