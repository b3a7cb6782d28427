import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { FILTER_OPERATORS } from './postgrest';
import { UUID_REGEX } from './uuid';
import { optionsCollection } from '../../shared/collections';

/**
 * Properties that many operations share: filters as rows, sort, Simplify,
 * record pickers. Each operation file places them under its resource and operation.
 */

/**
 * The columns a hint names ("id, status (created, failed), created_at" → id, status, created_at);
 * empty when the hint is prose ("any column of the table"): its columns are then read from the table.
 */
function hintColumns(columnsHint: string): string[] {
	const names = columnsHint
		.replace(/\s*\([^)]*\)/g, '')
		.split(',')
		.map((name) => name.trim());
	return names.every((name) => /^[a-z_][a-z0-9_]*$/i.test(name)) ? names : [];
}

/**
 * The Column of a filter row: a dropdown of the documented columns, or of the chosen table's
 * (read from its schema). Any other name, typed or saved before, is kept and sent as it is.
 */
function columnField(columnsHint: string): INodeProperties {
	const columns = hintColumns(columnsHint);
	return {
		displayName: 'Column',
		name: 'column',
		type: 'options',
		...(columns.length > 0
			? { options: [...columns].sort().map((column) => ({ name: column, value: column })) }
			: { typeOptions: { loadOptionsMethod: 'getTableColumns', loadOptionsDependsOn: ['table'] } }),
		allowArbitraryValues: true,
		default: '',
		description:
			'The column to compare. Choose from the list, or give any column name using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

/** Filters as rows (column, operator, value). */
export function filtersProperty(columnsHint: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		description: `Conditions on columns, combined as set in Options → Match. Columns: ${columnsHint}.`,
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					columnField(columnsHint),
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: FILTER_OPERATORS.map((operator) => ({ ...operator })),
						default: 'eq',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'Compared as written: any character is allowed and is escaped. For In List: comma-separated values, or a JSON array when values contain commas.',
						// Is Null / Is Not Null compare with nothing: no field to fill in.
						displayOptions: { hide: { operator: ['isNull', 'notNull'] } },
					},
				],
			},
		],
	};
}

/** "Options" of a listing: Match (AND/OR), Raw Filter, Sort, Fields. `tieBreak`: what breaks ties in the sort. */
export function listOptionsProperty(defaultSortHint: string, tieBreak = 'Ties are broken by the ID column.'): INodeProperties {
	return optionsCollection([
		{
			displayName: 'Fields',
			name: 'select',
			type: 'string',
			default: '',
			placeholder: 'e.g. order_number,order_status,total_amount',
			description:
				'Comma-separated columns to return (PostgREST select); overrides Simplify. Related rows can be embedded, e.g. *,order_items(*).',
		},
		{
			displayName: 'Match',
			name: 'match',
			type: 'options',
			options: [
				{ name: 'All Filters (AND)', value: 'and' },
				{ name: 'Any Filter (OR)', value: 'or' },
			],
			default: 'and',
			description: 'Whether a row must match every filter or at least one',
		},
		{
			displayName: 'Raw Filter',
			name: 'rawFilter',
			type: 'string',
			default: '',
			placeholder: 'e.g. order_status=in.(pending,confirmed)&total_amount=gte.100',
			description:
				'PostgREST filters for experts, in query-string form (column=operator.value joined with &; or=(…) and and=(…) allowed). Always combined with AND.',
		},
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Sort Column',
			default: {},
			description: `Columns to sort by, in order (default: ${defaultSortHint}). ${tieBreak} Pages are read after the last row read in this order, so rows added or removed meanwhile never make another row repeat or go missing.`,
			options: [
				{
					displayName: 'Column',
					name: 'fields',
					values: [
						{
							displayName: 'Column',
							name: 'column',
							type: 'string',
							default: '',
							placeholder: 'e.g. created_at',
						},
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'asc' },
								{ name: 'Descending', value: 'desc' },
							],
							default: 'asc',
						},
					],
				},
			],
		},
	]);
}

export function simplifyProperty(what: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return only the main columns of each ${what} instead of every column`,
	};
}

/** A record picker: from a searchable list, or by ID (UUID). */
export function recordLocator(options: {
	name: string;
	displayName: string;
	searchMethod: string;
	what: string;
	required?: boolean;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: `The ${options.what}, chosen from the list or given by its ID (a UUID)`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c',
				validation: [
					{
						type: 'regex',
						properties: { regex: UUID_REGEX, errorMessage: 'Not a valid ID (a UUID)' },
					},
				],
			},
		],
	};
}

/** Order statuses of the exact-schema reference, then those of the product page. Others are accepted too. */
export const ORDER_STATUSES: INodePropertyOptions[] = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Confirmed', value: 'confirmed' },
	{ name: 'Delivered', value: 'delivered' },
	{ name: 'Fulfilling', value: 'fulfilling' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Shipped', value: 'shipped' },
];

export const PLATFORMS: INodePropertyOptions[] = [
	{ name: 'Facebook', value: 'facebook' },
	{ name: 'Instagram', value: 'instagram' },
	{ name: 'WhatsApp', value: 'whatsapp' },
];

/** "Options" of a write by filter: Match (AND/OR) and Raw Filter only. */
export function filterOptionsProperty(): INodeProperties {
	const list = listOptionsProperty('id');
	return {
		...list,
		options: (list.options as INodeProperties[]).filter((option) => option.name === 'match' || option.name === 'rawFilter'),
	};
}

export const tableProperty: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. pick_lists',
	description:
		'Exact table name, e.g. customers, orders, order_items, items, stock_balances, warehouses, chats, messages, awbs, awb_status_logs, call_logs, pick_lists',
};
