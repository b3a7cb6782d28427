/**
 * The filter rows of every Nexus listing and write by filter (nodes/Nexus/shared/fields.ts), as
 * the editor shows them: n8n's own display rules decide, per row, whether the Value field is
 * shown. Is Null / Is Not Null take no value, so the field is hidden for them and only for them.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { Nexus } from '../../../nodes/Nexus/Nexus.node';
import { FILTER_OPERATORS } from '../../../nodes/Nexus/shared/postgrest';

const description = new Nexus().description;
// The row filters are the `filters` fixed collections; a `filters` collection of plain options
// (Social Post → Get Many) has no operator and no Value field.
const filterProperties = description.properties.filter(
	(property) => property.name === 'filters' && property.type === 'fixedCollection',
);

function valueField(filters: INodeProperties): INodeProperties {
	const [conditions] = filters.options as Array<{ name: string; values: INodeProperties[] }>;
	const value = conditions.values.find((field) => field.name === 'value');
	if (!value) throw new Error('filter row without a Value field');
	return value;
}

/** Whether the editor shows the Value field of the first filter row holding `operator`. */
function valueShown(filters: INodeProperties, operator: string): boolean {
	const parameters: INodeParameters = {
		filters: { conditions: [{ column: 'email', operator, value: '' }] },
	};
	return NodeHelpers.displayParameterPath(
		{ parameters },
		valueField(filters),
		'parameters.filters.conditions[0]',
		{ typeVersion: 1 },
		description,
	);
}

test('the Nexus node has filter rows to check', () => {
	expect(filterProperties.length).toBeGreaterThan(0);
});

const NO_VALUE = new Set(['isNull', 'notNull']);

test.each(FILTER_OPERATORS.map((operator) => [operator.name, operator.value]))(
	'filter rows with %s show the Value field only when the operator takes a value',
	(_name, operator) => {
		for (const filters of filterProperties) {
			expect(valueShown(filters, operator)).toBe(!NO_VALUE.has(operator));
		}
	},
);

function columnField(filters: INodeProperties): INodeProperties {
	const [conditions] = filters.options as Array<{ name: string; values: INodeProperties[] }>;
	const column = conditions.values.find((field) => field.name === 'column');
	if (!column) throw new Error('filter row without a Column field');
	return column;
}

/** The filter rows of one resource's operation, as the editor shows them for it. */
function filtersOf(resource: string, operation: string): INodeProperties {
	const shown = filterProperties.filter((filters) =>
		NodeHelpers.displayParameter({ resource, operation }, filters, { typeVersion: 1 }, description),
	);
	expect(shown).toHaveLength(1);
	return shown[0];
}

test('the Column of every filter row is a dropdown that keeps a column typed before (not in its list)', () => {
	for (const filters of filterProperties) {
		const column = columnField(filters);
		expect({ name: column.name, type: column.type, allowArbitraryValues: column.allowArbitraryValues }).toEqual({
			name: 'column',
			type: 'options',
			allowArbitraryValues: true,
		});
		expect(column.options?.length || column.typeOptions?.loadOptionsMethod).toBeTruthy();
	}
});

test("a typed resource's Column lists its documented columns; Table's lists the chosen table's columns", () => {
	const contact = columnField(filtersOf('contact', 'getAll'));
	expect(contact.options?.map((option) => (option as { value: string }).value)).toEqual(
		expect.arrayContaining(['id', 'first_name', 'email', 'phone_number', 'created_at']),
	);
	const callStatus = columnField(filtersOf('callLog', 'getAll')).options?.map((option) => (option as { value: string }).value);
	// The hint's remarks ("direction (inbound, outbound, internal)") are not columns.
	expect(callStatus).toEqual(expect.arrayContaining(['direction', 'status', 'duration_seconds']));
	expect(callStatus).not.toContain('inbound');
	for (const operation of ['getAll', 'update', 'delete']) {
		const table = columnField(filtersOf('table', operation));
		expect(table.typeOptions).toEqual({ loadOptionsMethod: 'getTableColumns', loadOptionsDependsOn: ['table'] });
	}
});
