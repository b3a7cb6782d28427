import { NodeOperationError } from 'n8n-workflow';

import { filterOptionsProperty, filtersProperty, tableProperty } from '../../shared/fields';
import { toQueryObject } from '../../shared/postgrest';
import { readTable } from '../../shared/guardInput';
import { filterPairs } from '../../shared/listQuery';
import type { Operation } from '../../../shared/operation';
import { RETURN_REPRESENTATION } from '../../shared/rowRouting';
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
				what: 'table',
				request() {
					readTable(this);
					const pairs = filterPairs(this);
					if (pairs.length === 0) {
						throw new NodeOperationError(this.getNode(), 'Filters: add at least one filter', {
							description: 'Delete Rows deletes only the rows matching the filters; it never empties a whole table.',
						});
					}
					return { qs: toQueryObject(pairs), headers: { Prefer: RETURN_REPRESENTATION } };
				},
			},
		),
	},
	properties: [tableProperty, filtersProperty('any column of the table'), filterOptionsProperty()],
};
