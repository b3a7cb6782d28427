/**
 * Filter injection: values holding , . : * ( ) " \ & = % and unicode, in eq, in and OR filters,
 * match exactly the rows holding that value and never change the structure of the query. Rows of
 * the other organization never appear, whatever the filter.
 */
import { apiRequests, expectInputError, startNexusTest, type NexusTest } from '../helpers';

const HOSTILE = [
	'a,b',
	'a.b',
	'key:value',
	'star*',
	'(paren)',
	'close)open(',
	'say "hi"',
	'back\\slash',
	'a&b=c',
	'100%',
	'%25',
	'  two  spaces ',
	'مريم',
	'🙏 emoji',
	'x),id.not.is.null,last_name.eq.(y',
	'",last_name.neq.",',
];

let t: NexusTest;
const idsByValue = new Map<string, string>();
beforeAll(async () => {
	t = await startNexusTest();
	for (const [index, value] of HOSTILE.entries()) {
		const [row] = await t.sandbox.query(
			`insert into public.customers (organization_id, first_name, last_name) values ($1, 'Hostile', $2) returning id`,
			[t.sandbox.orgs.a.id, value],
		);
		idsByValue.set(value, row.id);
		// The same value in the other organization: it must never come back.
		await t.sandbox.query(`insert into public.customers (organization_id, first_name, last_name) values ($1, 'Hostile', $2)`, [
			t.sandbox.orgs.b.id,
			value,
		]);
		// A near miss: must not match either.
		await t.sandbox.query(`insert into public.customers (organization_id, first_name, last_name) values ($1, 'Near', $2)`, [
			t.sandbox.orgs.a.id,
			`${value}x${index}`,
		]);
	}
});
afterAll(async () => {
	await t?.close();
});

const getAll = (extra: Record<string, unknown>) => ({
	resource: 'contact',
	operation: 'getAll',
	returnAll: true,
	simplify: false,
	...extra,
});

describe.each(HOSTILE)('value %p', (value) => {
	test('eq matches only the row holding exactly that value, in this organization', async () => {
		const { items, error, requests } = await t.run(getAll({ filters: { conditions: [{ column: 'last_name', operator: 'eq', value }] } }));
		expect(error).toBeUndefined();
		expect(apiRequests(requests)[0].query.last_name).toBe(`eq.${value}`);
		expect(items.map((item) => item.id)).toEqual([idsByValue.get(value)]);
		expect(items[0]).toMatchObject({ last_name: value, organization_id: t.sandbox.orgs.a.id });
	});

	test('in (with another hostile value) matches exactly those two rows', async () => {
		const other = HOSTILE[(HOSTILE.indexOf(value) + 1) % HOSTILE.length];
		const { items, error } = await t.run(
			getAll({ filters: { conditions: [{ column: 'last_name', operator: 'in', value: JSON.stringify([value, other]) }] } }),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.id).sort()).toEqual([idsByValue.get(value), idsByValue.get(other)].sort());
	});

	test('OR matches exactly the rows of either condition', async () => {
		const { items, error, requests } = await t.run(
			getAll({
				filters: {
					conditions: [
						{ column: 'last_name', operator: 'eq', value },
						{ column: 'first_name', operator: 'eq', value: 'Nobody, (really)' },
					],
				},
				options: { match: 'or' },
			}),
		);
		expect(error).toBeUndefined();
		expect(Object.keys(apiRequests(requests)[0].query).sort()).toEqual(['limit', 'or', 'order', 'select']);
		expect(items.map((item) => item.id)).toEqual([idsByValue.get(value)]);
	});
});

describe('the other organization', () => {
	test('a filter on its organization_id finds nothing', async () => {
		const { items, error } = await t.run(
			getAll({ filters: { conditions: [{ column: 'organization_id', operator: 'eq', value: t.sandbox.orgs.b.id }] } }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('a raw OR over both organizations returns only the own rows', async () => {
		const { items, error } = await t.run(
			getAll({ options: { rawFilter: `or=(organization_id.eq.${t.sandbox.orgs.b.id},organization_id.eq.${t.sandbox.orgs.a.id})` } }),
		);
		expect(error).toBeUndefined();
		const [{ n }] = await t.sandbox.query('select count(*)::int as n from public.customers where organization_id = $1', [t.sandbox.orgs.a.id]);
		expect(items).toHaveLength(n);
		expect(items.every((item) => item.organization_id === t.sandbox.orgs.a.id)).toBe(true);
	});

	test('the Table resource cannot read it either', async () => {
		const { items, error } = await t.run({ resource: 'table', operation: 'getAll', table: 'orders', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.organization_id === t.sandbox.orgs.a.id)).toBe(true);
	});
});

test('a raw filter that tries to take over paging is refused before sending', async () => {
	const run = await t.run(getAll({ options: { rawFilter: 'last_name=eq.x&limit=1' } }));
	expect(run.error?.message).toBe('Raw Filter: "limit" cannot be set here; use the node\'s Sort, Return All and Limit options');
	expect(apiRequests(run.requests)).toEqual([]);
});

describe('PostgREST reserved names as a column are refused before sending, naming the field', () => {
	const RESERVED = ['or', 'and', 'not', 'select', 'order', 'limit', 'offset', 'on_conflict', 'columns'];
	const reservedMessage = (field: string, name: string) =>
		`${field}: "${name}" is a name PostgREST reserves for its own parameters and cannot be used as a column here; filter on it with a view, or pick another column`;

	test.each(RESERVED)('Filters column "%s" (Match: All)', async (name) => {
		const run = await t.run(getAll({ filters: { conditions: [{ column: name, operator: 'eq', value: 'x' }] } }));
		expectInputError(run, reservedMessage('Filters', name));
	});

	test.each(RESERVED)('Filters column "%s" (Match: Any, inside or=(…))', async (name) => {
		const run = await t.run(
			getAll({
				filters: { conditions: [{ column: 'last_name', operator: 'eq', value: 'x' }, { column: name, operator: 'eq', value: 'x' }] },
				options: { match: 'or' },
			}),
		);
		expectInputError(run, reservedMessage('Filters', name));
	});

	test.each(RESERVED)('Sort column "%s"', async (name) => {
		const run = await t.run(getAll({ options: { sort: { fields: [{ column: name, direction: 'asc' }] } } }));
		expectInputError(run, reservedMessage('Sort', name));
	});

	test('Table → Get Many refuses them too', async () => {
		const run = await t.run({ resource: 'table', operation: 'getAll', table: 'orders', returnAll: true, filters: { conditions: [{ column: 'order', operator: 'eq', value: '1' }] } });
		expectInputError(run, reservedMessage('Filters', 'order'));
	});

	test('a raw filter keyed "not" (a column named not) is refused; not.or stays allowed', async () => {
		const run = await t.run(getAll({ options: { rawFilter: 'not=eq.x' } }));
		expectInputError(run, /^Raw Filter: "not" is a name PostgREST reserves/);
		const allowed = await t.run(getAll({ options: { rawFilter: 'not.or=(last_name.eq.x,last_name.eq.y)' } }));
		expect(allowed.error).toBeUndefined();
	});
});
