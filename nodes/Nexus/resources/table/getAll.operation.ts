import { filtersProperty, listOptionsProperty, returnAllProperties, tableProperty } from '../../shared/fields';
import { toQueryObject } from '../../shared/postgrest';
import { readTable } from '../../shared/guardInput';
import { listQuery } from '../../shared/listQuery';
import type { NexusOperation } from '../../shared/operation';
import { nexusRouting } from '../../shared/routing';
import { TABLE_PATH_ID } from './tablePathId';

export const getAllTableRows: NexusOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many rows of a table',
		description: 'List the rows of any table, with filters and sort',
		routing: nexusRouting(
			{ method: 'GET', url: '=/rest/v1/{{String($parameter.table).trim()}}' },
			{
				safeToRepeat: true,
				pathIds: [TABLE_PATH_ID],
				what: 'table',
				pagination: 'postgrest',
				validate() {
					readTable(this);
				},
				async request() {
					return { qs: toQueryObject(await listQuery(this, {})) };
				},
			},
		),
	},
	properties: [tableProperty, ...returnAllProperties(), filtersProperty('any column of the table'), listOptionsProperty('id ascending')],
};
