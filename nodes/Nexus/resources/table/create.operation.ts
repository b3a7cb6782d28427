import type { IDataObject } from 'n8n-workflow';

import { tableProperty } from '../../shared/fields';
import { organizationId } from '../../shared/organization';
import { readTable } from '../../shared/guardInput';
import type { Operation } from '../../../shared/operation';
import { RETURN_REPRESENTATION } from '../../shared/rowRouting';
import { TABLE_PATH_ID } from './tablePathId';
import { readRows, rowsInputProperties } from './rowsInput';
import { nexusExecutor } from '../../shared/transport';
import { mergePrefer } from '../../shared/prefer';
import { upsertColumnsOption, upsertRequest } from '../../shared/upsert';
import { optionsCollection } from '../../../shared/collections';

export const createTableRows: Operation = {
	option: {
		name: 'Create Rows',
		value: 'create',
		action: 'Insert rows into any table',
		description: 'Insert one or more rows into any table; outputs the rows written',
		routing: nexusExecutor.routing(
			{ method: 'POST', url: '=/rest/v1/{{String($parameter.table).trim()}}' },
			{
				safeToRepeat: false,
				pathIds: [TABLE_PATH_ID],
				writes: true,
				what: 'table',
				async request() {
					readTable(this);
					const upsert = upsertRequest(this);
					const rows = readRows(this, 'create');
					const options = this.getNodeParameter('options', {}) as IDataObject;
					if (options.setOrganizationId !== false) {
						const organization = await organizationId(this);
						for (const row of rows) if (row.organization_id === undefined) row.organization_id = organization;
					}
					return { qs: upsert.qs, body: rows, headers: { Prefer: mergePrefer(RETURN_REPRESENTATION, upsert.prefer) } };
				},
			},
		),
	},
	properties: [
		tableProperty,
		...rowsInputProperties('create'),
		optionsCollection([
			upsertColumnsOption,
			{
				displayName: 'Set Organization ID',
				name: 'setOrganizationId',
				type: 'boolean',
				default: true,
				description:
					'Whether to fill organization_id with the organization of the API key when a row has none (turn off for tables without that column)',
			},
		]),
	],
};
