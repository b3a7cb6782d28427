import { filtersProperty, listOptionsProperty, tableProperty } from '../../shared/fields';
import { toQueryObject } from '../../shared/postgrest';
import { readTable } from '../../shared/guardInput';
import { listQuery } from '../../shared/listQuery';
import type { Operation } from '../../../shared/operation';
import { TABLE_PATH_ID } from './tablePathId';
import { nexusExecutor } from '../../shared/transport';
import { returnAllAndLimit } from '../../../shared/operation';
import { TABLE_KEY_PAGES } from '../../shared/paging';

/** What keeps Return All exact on any table: its own primary key (read from Nexus's schema description). */
const TIES =
	"Ties are broken by the table's primary key (any columns). A table or view without one is read by position: a row moved by a change while the pages are read can repeat or go missing.";

export const getAllTableRows: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List the rows of any table, filtered and sorted',
		description: 'List the rows of any table, with filters and sort',
		routing: nexusExecutor.routing(
			{ method: 'GET', url: '=/rest/v1/{{String($parameter.table).trim()}}' },
			{
				safeToRepeat: true,
				pathIds: [TABLE_PATH_ID],
				what: 'table',
				paging: TABLE_KEY_PAGES,
				validate() {
					readTable(this);
				},
				async request() {
					return { qs: toQueryObject(await listQuery(this, {})) };
				},
			},
		),
	},
	properties: [
		tableProperty,
		...returnAllAndLimit({ returnAllHint: TIES }),
		filtersProperty('any column of the table'),
		listOptionsProperty("the table's primary key ascending", TIES),
	],
};
