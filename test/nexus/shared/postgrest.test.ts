/**
 * Pure query building for Nexus (nodes/Nexus/shared/postgrest.ts): quoting by PostgREST's rules,
 * filters from rows with AND/OR, raw filters, sort with the id tiebreaker, query pairs. Every
 * built filter is parsed back with the sandbox's port of PostgREST's grammar to prove that a
 * value can never change the structure of the query.
 */
import {
	buildFilters,
	listExpression,
	logicTerm,
	needsQuoting,
	operatorExpression,
	orderParam,
	parseListValue,
	parseRawFilter,
	QueryInputError,
	quote,
	quoteIfNeeded,
	toQueryObject,
	toQueryPairs,
	type FilterRow,
} from '../../../nodes/Nexus/shared/postgrest';
import { parseFilterValue, parseLogicTree, parseOrder } from '../../sandbox/nexus/postgrest/parse';

const HOSTILE = [
	'a,b',
	'a.b',
	'a:b',
	'a*b',
	'(a)',
	'a)b',
	'say "hi"',
	'back\\slash',
	'trailing\\',
	'a&b=c%20d',
	'100%',
	'  spaced  ',
	'',
	'{1,2}',
	'مريم',
	'emoji 🙏',
	'or=(id.eq.1)',
	'x),id.neq.(y',
	'"),id.not.is.null,name.eq.("',
];

describe('quoting inside in.(…) and logic trees', () => {
	test('values with reserved characters are quoted; plain values are left alone', () => {
		expect(needsQuoting('pending')).toBe(false);
		expect(needsQuoting('مريم')).toBe(false);
		for (const value of ['a,b', 'a.b', 'a:b', 'a*b', '(a', 'a)', 'a"b', 'a\\b', 'a b', '', '{x}']) {
			expect(needsQuoting(value)).toBe(true);
		}
		expect(quoteIfNeeded('pending')).toBe('pending');
		expect(quote('say "hi"')).toBe('"say \\"hi\\""');
		expect(quote('back\\slash')).toBe('"back\\\\slash"');
	});

	test.each(HOSTILE)('in-list value %p parses back to exactly itself, as one element', (value) => {
		const expression = operatorExpression({ column: 'name', operator: 'in', value: [value, 'other'] }, false);
		const parsed = parseFilterValue(expression);
		expect(parsed.operation).toEqual({ kind: 'in', values: [value, 'other'] });
	});

	test.each(HOSTILE)('OR value %p parses back to two eq terms with the exact values', (value) => {
		const [[key, tree]] = buildFilters(
			[
				{ column: 'first_name', operator: 'eq', value },
				{ column: 'last_name', operator: 'eq', value: 'x' },
			],
			'or',
		);
		expect(key).toBe('or');
		const parsed = parseLogicTree('or', tree);
		expect(parsed).toEqual({
			kind: 'expr',
			negate: false,
			op: 'or',
			children: [
				{ kind: 'stmt', filter: { field: { name: 'first_name', json: [] }, negate: false, operation: { kind: 'quant', op: 'eq', quant: undefined, value } } },
				{ kind: 'stmt', filter: { field: { name: 'last_name', json: [] }, negate: false, operation: { kind: 'quant', op: 'eq', quant: undefined, value: 'x' } } },
			],
		});
	});

	test.each(HOSTILE)('top-level eq value %p is taken verbatim', (value) => {
		const [[key, expression]] = buildFilters([{ column: 'email', operator: 'eq', value }], 'and');
		expect(key).toBe('email');
		expect(parseFilterValue(expression).operation).toEqual({ kind: 'quant', op: 'eq', quant: undefined, value });
	});
});

describe('filters from rows', () => {
	test('AND gives one pair per row, and a column may repeat', () => {
		const rows: FilterRow[] = [
			{ column: 'total_amount', operator: 'gte', value: 100 },
			{ column: 'total_amount', operator: 'lt', value: '500' },
			{ column: 'awb_number', operator: 'isNull' },
			{ column: 'customer_id', operator: 'notNull' },
			{ column: 'order_status', operator: 'notIn', value: 'cancelled, delivered' },
		];
		expect(buildFilters(rows, 'and')).toEqual([
			['total_amount', 'gte.100'],
			['total_amount', 'lt.500'],
			['awb_number', 'is.null'],
			['customer_id', 'not.is.null'],
			['order_status', 'not.in.(cancelled,delivered)'],
		]);
	});

	test('OR builds one logic tree; a single row stays a plain filter', () => {
		expect(buildFilters([{ column: 'order_status', operator: 'eq', value: 'pending' }], 'or')).toEqual([['order_status', 'eq.pending']]);
		expect(
			buildFilters(
				[
					{ column: 'order_status', operator: 'eq', value: 'pending' },
					{ column: 'total_amount', operator: 'gt', value: '1.5' },
					{ column: 'notes', operator: 'ilike', value: '*ring twice*' },
				],
				'or',
			),
		).toEqual([['or', '(order_status.eq.pending,total_amount.gt."1.5",notes.ilike."*ring twice*")']]);
	});

	test('in lists come from arrays, JSON arrays or comma-separated text', () => {
		expect(parseListValue(['a,b', 'c'], 'Filters')).toEqual(['a,b', 'c']);
		expect(parseListValue('["a,b", "c"]', 'Filters')).toEqual(['a,b', 'c']);
		expect(parseListValue(' pending , confirmed ', 'Filters')).toEqual(['pending', 'confirmed']);
		expect(listExpression(['a,b', 'c'])).toBe('("a,b",c)');
		expect(() => parseListValue('', 'Filters')).toThrow(QueryInputError);
		expect(() => parseListValue('[oops', 'Filters')).toThrow(/not valid JSON/);
	});

	test('a bad column or operator is an input error naming the field', () => {
		expect(() => buildFilters([{ column: 'status;drop', operator: 'eq', value: 'x' }])).toThrow(QueryInputError);
		expect(() => buildFilters([{ column: 'a.b', operator: 'eq', value: 'x' }], 'or')).toThrow(/Filters: "a.b" is not a valid column name/);
		expect(() => buildFilters([{ column: '', operator: 'eq', value: 'x' }])).toThrow(/Filters: the column name is empty/);
		expect(() => buildFilters([{ column: 'a', operator: 'between' as never, value: 'x' }])).toThrow(/unknown operator/);
		expect(() => logicTerm({ column: 'a b', operator: 'eq', value: 'x' })).toThrow(QueryInputError);
	});
});

describe('raw filter', () => {
	test('is split into pairs, percent-decoded, and appended after the rows', () => {
		expect(
			buildFilters([{ column: 'currency', operator: 'eq', value: 'EGP' }], 'and', 'order_status=in.(pending,confirmed)&or=(total_amount.gt.100,refund_amount.gt.0)&notes=ilike.%2Aring%2A'),
		).toEqual([
			['currency', 'eq.EGP'],
			['order_status', 'in.(pending,confirmed)'],
			['or', '(total_amount.gt.100,refund_amount.gt.0)'],
			['notes', 'ilike.*ring*'],
		]);
		expect(parseRawFilter('?order_items.qty=gt.1&not.and=(a.eq.1,b.eq.2)')).toEqual([
			['order_items.qty', 'gt.1'],
			['not.and', '(a.eq.1,b.eq.2)'],
		]);
	});

	test('paging, sort and select keys and malformed parts are rejected, naming Raw Filter', () => {
		for (const raw of ['limit=5', 'order=id.desc', 'offset=1', 'select=*', 'nocolon', '=x', 'a b=eq.1', 'x=%E0%A4%A']) {
			expect(() => parseRawFilter(raw)).toThrow(/^Raw Filter: /);
		}
	});
});

describe('sort', () => {
	test('appends the id tiebreaker unless already sorted by id', () => {
		expect(orderParam([{ column: 'created_at', direction: 'desc' }])).toBe('created_at.desc,id.asc');
		expect(orderParam([{ column: 'id', direction: 'desc' }])).toBe('id.desc');
		expect(orderParam([])).toBe('id.asc');
		expect(orderParam([{ column: 'last_message_time', direction: 'desc', nulls: 'last' }, { column: 'platform' }])).toBe(
			'last_message_time.desc.nullslast,platform.asc,id.asc',
		);
		expect(parseOrder(orderParam([{ column: 'created_at', direction: 'desc' }])).map((term) => [term.field.name, term.direction])).toEqual([
			['created_at', 'desc'],
			['id', 'asc'],
		]);
		expect(() => orderParam([{ column: 'created_at desc' }])).toThrow(/^Sort: /);
	});
});

describe('query pairs', () => {
	test('repeated keys become arrays and back', () => {
		const pairs: Array<[string, string]> = [
			['a', 'gte.1'],
			['a', 'lte.9'],
			['b', 'eq.x'],
		];
		expect(toQueryObject(pairs)).toEqual({ a: ['gte.1', 'lte.9'], b: 'eq.x' });
		expect(toQueryPairs(toQueryObject(pairs))).toEqual(pairs);
	});
});

describe('rounded numbers', () => {
	test.each([
		[{ column: 'shopify_order_id', operator: 'eq', value: 32414268188027655 }],
		[{ column: 'shopify_order_id', operator: 'in', value: [1, 2 ** 60] }],
	] as Array<[FilterRow]>)('%j: a filter value above 2^53 given as a number is refused, naming Filters', (row) => {
		expect(() => buildFilters([row])).toThrow(/^Filters: the value \d+ is a number above 2\^53/);
	});

	test('the same id given as text is sent digit for digit', () => {
		expect(buildFilters([{ column: 'shopify_order_id', operator: 'eq', value: '32414268188027655' }])).toEqual([
			['shopify_order_id', 'eq.32414268188027655'],
		]);
	});
});
