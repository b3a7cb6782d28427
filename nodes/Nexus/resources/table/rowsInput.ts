import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isIdentifier } from '../../shared/postgrest';
import { quoteValue } from '../../../shared/quote';

export function rowsInputProperties(kind: 'create' | 'update'): INodeProperties[] {
	const noun = kind === 'create' ? 'row' : 'changes';
	return [
		{
			displayName: 'Data to Send',
			name: 'dataMode',
			type: 'options',
			options: [
				{ name: 'Auto-Map Input Data', value: 'autoMap', description: `Use the input item's JSON as the ${noun}` },
				{ name: 'Define Below', value: 'json', description: `Write the ${noun} as JSON` },
			],
			default: 'json',
		},
		{
			displayName: kind === 'create' ? 'Rows (JSON)' : 'Fields (JSON)',
			name: 'json',
			type: 'json',
			default: '{}',
			description:
				kind === 'create'
					? 'A row as a JSON object of column: value, or an array of rows'
					: 'The columns to change as a JSON object of column: value',
			displayOptions: { show: { dataMode: ['json'] } },
		},
	];
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

/** Rows from the JSON parameter or the input item, checked before anything is sent. */
export function readRows(context: IExecuteSingleFunctions, kind: 'create' | 'update'): IDataObject[] {
	const field = kind === 'create' ? 'Rows (JSON)' : 'Fields (JSON)';
	let value: unknown;
	if (context.getNodeParameter('dataMode', 'json') === 'autoMap') value = context.getInputData().json;
	else {
		const raw = context.getNodeParameter('json', '{}') as unknown;
		value = typeof raw === 'string' ? parseJson(raw) : raw;
		if (value === undefined) throw new NodeOperationError(context.getNode(), `${field} is not valid JSON`);
	}
	const rows = Array.isArray(value) ? value : [value];
	if (kind === 'update' && Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `${field} must be one JSON object, not an array`);
	}
	if (rows.length === 0) throw new NodeOperationError(context.getNode(), `${field} is empty`);
	return rows.map((row, index) => {
		if (row === null || typeof row !== 'object' || Array.isArray(row)) {
			throw new NodeOperationError(context.getNode(), `${field}: row ${index + 1} is not a JSON object`);
		}
		const columns = Object.keys(row as IDataObject);
		if (columns.length === 0) throw new NodeOperationError(context.getNode(), `${field}: row ${index + 1} has no columns`);
		const bad = columns.find((column) => !isIdentifier(column));
		if (bad !== undefined) {
			throw new NodeOperationError(context.getNode(), `${field}: ${quoteValue(bad)} is not a valid column name`, {
				description: 'Column names use letters, digits and underscores, e.g. order_status.',
			});
		}
		return row as IDataObject;
	});
}
