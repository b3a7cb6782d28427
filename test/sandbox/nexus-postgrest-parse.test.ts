/** The sandbox's PostgREST query grammar, checked without a database. */
import { decodeQueryString, parseLogicTree, parseOrder, parseQuery, parseSelect, QueryParseError } from './nexus/postgrest/parse';

describe('PostgREST query grammar', () => {
	it('decodes the query string like http-types: + is a space, & and ; split pairs', () => {
		expect(decodeQueryString('a=b+c&d=%2B1%20x;e&f=')).toEqual([
			{ key: 'a', value: 'b c' },
			{ key: 'd', value: '+1 x' },
			{ key: 'e', value: null },
			{ key: 'f', value: '' },
		]);
	});

	it('takes a simple filter value literally, quotes included', () => {
		const q = parseQuery(`name=eq.${encodeURIComponent('"a,b"')}&total=not.gte.5`);
		expect(q.filters).toEqual([
			{ path: [], filter: { field: { name: 'name', json: [] }, negate: false, operation: { kind: 'quant', op: 'eq', quant: undefined, value: '"a,b"' } } },
			{ path: [], filter: { field: { name: 'total', json: [] }, negate: true, operation: { kind: 'quant', op: 'gte', quant: undefined, value: '5' } } },
		]);
	});

	it('unquotes and unescapes list elements; unquoted ones run to the next , or )', () => {
		const q = parseQuery(`s=in.(${encodeURIComponent('"a,b","say \\"hi\\"","back\\\\slash",plain,1.5')})`);
		expect(q.filters[0].filter.operation).toEqual({ kind: 'in', values: ['a,b', 'say "hi"', 'back\\slash', 'plain', '1.5'] });
	});

	it('reads a keyset page: key columns cast to text under aliases, the after-key tree, and every logic key (ANDed)', () => {
		const at = '2026-05-01 10:00:00.123456+00';
		const tree = `(created_at.lt."${at}",and(created_at.eq."${at}",or(note.gt."a,b",note.is.null),id.gt.7),shipped_at.not.is.null)`;
		const q = parseQuery(
			[
				`select=${encodeURIComponent('id,order_items(*),nexus_keyset_0:created_at::text')}`,
				`or=${encodeURIComponent('(order_status.eq.pending,total_amount.gt.100)')}`,
				`and=${encodeURIComponent(`(or${tree})`)}`,
				'order=created_at.desc,id.asc',
				'limit=100',
			].join('&'),
		);
		expect(q.select[2]).toEqual({ kind: 'field', field: { name: 'created_at', json: [] }, alias: 'nexus_keyset_0', cast: 'text', aggregate: undefined });
		// PostgREST keeps every and/or key (QueryParams.hs: all pairs ending in "and"/"or"), each one more condition.
		expect(q.logic.map((entry) => entry.tree.kind === 'expr' && entry.tree.op)).toEqual(['or', 'and']);
		const keyset = q.logic[1].tree;
		expect(keyset.kind === 'expr' && keyset.children[0]).toMatchObject({ kind: 'expr', op: 'or', children: { length: 3 } });
		const [older, same, notNull] = keyset.kind === 'expr' && keyset.children[0].kind === 'expr' ? keyset.children[0].children : [];
		expect(older).toMatchObject({ kind: 'stmt', filter: { field: { name: 'created_at' }, operation: { kind: 'quant', op: 'lt', value: at } } });
		expect(same).toMatchObject({ kind: 'expr', op: 'and', children: [{ filter: { operation: { value: at } } }, { kind: 'expr', op: 'or' }, { filter: { operation: { op: 'gt', value: '7' } } }] });
		expect(notNull).toMatchObject({ kind: 'stmt', filter: { field: { name: 'shipped_at' }, negate: true, operation: { kind: 'is', value: 'null' } } });
		expect(q.ranges.get('')).toEqual({ offset: 0, limit: 100 });
	});

	it('keeps a hostile quoted value inside one filter of a logic tree', () => {
		const tree = parseLogicTree('or', '(name.eq."x),id.neq.(",and(a.is.null,b.not.in.(1,2)),c.cs.{x,y})');
		expect(tree).toEqual({
			kind: 'expr',
			negate: false,
			op: 'or',
			children: [
				{ kind: 'stmt', filter: { field: { name: 'name', json: [] }, negate: false, operation: { kind: 'quant', op: 'eq', quant: undefined, value: 'x),id.neq.(' } } },
				{
					kind: 'expr',
					negate: false,
					op: 'and',
					children: [
						{ kind: 'stmt', filter: { field: { name: 'a', json: [] }, negate: false, operation: { kind: 'is', value: 'null' } } },
						{ kind: 'stmt', filter: { field: { name: 'b', json: [] }, negate: true, operation: { kind: 'in', values: ['1', '2'] } } },
					],
				},
				{ kind: 'stmt', filter: { field: { name: 'c', json: [] }, negate: false, operation: { kind: 'simple', op: 'cs', value: '{x,y}' } } },
			],
		});
		expect(parseQuery('not.and=(a.eq.1,b.eq.2)').logic[0].tree).toMatchObject({ kind: 'expr', negate: true, op: 'and' });
	});

	it('parses select trees with aliases, casts, JSON paths, embeds, hints and spreads', () => {
		expect(parseSelect('id,total:total_amount::text,address->>city,order_items!inner(sku,qty),cust:customers!orders_customer_id_fkey(*),...warehouses(name)')).toEqual([
			{ kind: 'field', field: { name: 'id', json: [] }, alias: undefined, cast: undefined, aggregate: undefined },
			{ kind: 'field', field: { name: 'total_amount', json: [] }, alias: 'total', cast: 'text', aggregate: undefined },
			{ kind: 'field', field: { name: 'address', json: [{ arrow: '->>', key: 'city', index: false }] }, alias: undefined, cast: undefined, aggregate: undefined },
			{
				kind: 'relation',
				name: 'order_items',
				alias: undefined,
				hint: undefined,
				join: 'inner',
				spread: false,
				children: [
					{ kind: 'field', field: { name: 'sku', json: [] }, alias: undefined, cast: undefined, aggregate: undefined },
					{ kind: 'field', field: { name: 'qty', json: [] }, alias: undefined, cast: undefined, aggregate: undefined },
				],
			},
			{ kind: 'relation', name: 'customers', alias: 'cust', hint: 'orders_customer_id_fkey', join: undefined, spread: false, children: [{ kind: 'field', field: { name: '*', json: [] } }] },
			{
				kind: 'relation',
				name: 'warehouses',
				alias: undefined,
				hint: undefined,
				join: undefined,
				spread: true,
				children: [{ kind: 'field', field: { name: 'name', json: [] }, alias: undefined, cast: undefined, aggregate: undefined }],
			},
		]);
	});

	it('parses order terms with directions and null ordering, and embedded paths', () => {
		expect(parseOrder('created_at.desc,id.asc.nullslast,name')).toEqual([
			{ field: { name: 'created_at', json: [] }, direction: 'desc' },
			{ field: { name: 'id', json: [] }, direction: 'asc', nulls: 'last' },
			{ field: { name: 'name', json: [] } },
		]);
		const q = parseQuery('order=updated_at.asc&order_items.order=qty.desc&order_items.limit=2&limit=10&offset=20');
		expect(q.order.map((o) => o.path)).toEqual([[], ['order_items']]);
		expect(q.ranges.get('')).toEqual({ offset: 20, limit: 10 });
		expect(q.ranges.get('order_items')).toEqual({ offset: 0, limit: 2 });
	});

	it('reports PGRST100-style errors with the position', () => {
		expect(() => parseQuery('id=noop.1')).toThrow(QueryParseError);
		try {
			parseQuery('id=noop.1');
		} catch (error) {
			expect((error as QueryParseError).message).toBe('"failed to parse filter (noop.1)" (line 1, column 1)');
		}
		expect(() => parseOrder('id.ac')).toThrow('"failed to parse order (id.ac)" (line 1, column 3)');
		expect(() => parseLogicTree('or', '(a.eq.1')).toThrow(QueryParseError);
		expect(() => parseQuery('s=in.(1,2')).toThrow(QueryParseError);
	});
});
