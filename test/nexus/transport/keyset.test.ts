/**
 * The keyset paging builder on its own: the sort key of an `order`, the "after the last row"
 * logic tree for every direction and NULL placement (checked as strings, through the sandbox's
 * PostgREST parser, and by evaluating the parsed tree over rows sorted the same way), the
 * quoting of values, the combination with the user's own logic trees, and the page reader.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	afterKeyCondition,
	keyOrder,
	readKeysetPages,
	selectWithKey,
	sortKey,
	takeKey,
	withCondition,
	type KeyColumn,
	type KeyValue,
} from '../../../nodes/Nexus/shared/keyset';
import type { QueryPairs } from '../../../nodes/Nexus/shared/queryPairs';
import { decodeQueryString, parseLogicTree, parseOrder, parseSelect, type LogicTree } from '../../sandbox/nexus/postgrest/parse';

type Row = Record<string, string | null>;

/** One column's order, as Postgres applies it (values compared as text, NULLs placed by `nulls`). */
function compareBy(key: KeyColumn[]) {
	return (a: Row, b: Row): number => {
		for (const { column, direction, nulls } of key) {
			const x = a[column];
			const y = b[column];
			if (x === y) continue;
			if (x === null || y === null) return (x === null) === (nulls === 'first') ? -1 : 1;
			const order = x < y ? -1 : 1;
			return direction === 'asc' ? order : -order;
		}
		return 0;
	};
}

/** Evaluates a parsed PostgREST logic tree on a row, for the operators the builder uses. */
function holds(tree: LogicTree, row: Row): boolean {
	if (tree.kind === 'expr') {
		const results = tree.children.map((child) => holds(child, row));
		const value = tree.op === 'and' ? results.every(Boolean) : results.some(Boolean);
		return tree.negate ? !value : value;
	}
	const { field, negate, operation } = tree.filter;
	const cell = row[field.name];
	let value: boolean;
	if (operation.kind === 'is' && operation.value === 'null') value = cell === null;
	else if (operation.kind === 'quant' && !operation.quant) {
		// SQL: a comparison with NULL is not true.
		if (cell === null) value = false;
		else if (operation.op === 'eq') value = cell === operation.value;
		else if (operation.op === 'gt') value = cell > operation.value;
		else if (operation.op === 'lt') value = cell < operation.value;
		else throw new Error(`operator ${operation.op} not expected`);
	} else throw new Error(`operation ${operation.kind} not expected`);
	return negate ? !value : value;
}

const ROWS: Row[] = [];
const VALUES = [null, 'a', 'b, c', 'q"x\\y'];
let serial = 0;
for (const a of VALUES) for (const b of VALUES) for (let n = 0; n < 2; n++) ROWS.push({ a, b, id: `id-${String(++serial).padStart(3, '0')}` });

function keyOf(row: Row, key: KeyColumn[]): KeyValue[] {
	return key.map(({ column }) => row[column]);
}

describe('sortKey and keyOrder', () => {
	test('appends id ascending, applies PostgREST\'s NULL defaults, and stops at id', () => {
		expect(sortKey('created_at.desc')).toEqual([
			{ column: 'created_at', direction: 'desc', nulls: 'first' },
			{ column: 'id', direction: 'asc', nulls: 'last' },
		]);
		expect(sortKey(undefined)).toEqual([{ column: 'id', direction: 'asc', nulls: 'last' }]);
		expect(sortKey('name,last_message_time.desc.nullslast,id.desc,created_at.asc')).toEqual([
			{ column: 'name', direction: 'asc', nulls: 'last' },
			{ column: 'last_message_time', direction: 'desc', nulls: 'last' },
			{ column: 'id', direction: 'desc', nulls: 'first' },
		]);
		// A column sorted twice counts once, at its first place.
		expect(sortKey('a.asc,a.desc')?.map((column) => column.column)).toEqual(['a', 'id']);
	});

	test('a table keyed on other columns: every key column the sort lacks, in key order; none for a table without a key', () => {
		const columns = (order: string | undefined, unique: string[]) => sortKey(order, unique)?.map(({ column, direction }) => `${column}.${direction}`);
		expect(columns('qty.desc', ['warehouse', 'bin'])).toEqual(['qty.desc', 'warehouse.asc', 'bin.asc']);
		expect(columns('bin.desc,qty.asc', ['warehouse', 'bin'])).toEqual(['bin.desc', 'qty.asc', 'warehouse.asc']);
		// Past the whole key later terms never decide anything.
		expect(columns('bin.desc,warehouse.desc,qty.asc', ['warehouse', 'bin'])).toEqual(['bin.desc', 'warehouse.desc']);
		expect(columns('code.asc', ['code'])).toEqual(['code.asc']);
		expect(columns('name', [])).toBeUndefined();
	});

	test('an order that is not plain columns has no key', () => {
		expect(sortKey('customer(name).asc')).toBeUndefined();
		expect(sortKey('data->>x.desc')).toBeUndefined();
	});

	test('keyOrder writes NULL placement only where it is not the default, and PostgREST reads it back', () => {
		const key = sortKey('a.asc.nullsfirst,b.desc,c.desc.nullslast') as KeyColumn[];
		const order = keyOrder(key);
		expect(order).toBe('a.asc.nullsfirst,b.desc,c.desc.nullslast,id.asc');
		expect(parseOrder(order).map((term) => [term.field.name, term.direction, term.nulls])).toEqual([
			['a', 'asc', 'first'],
			['b', 'desc', undefined],
			['c', 'desc', 'last'],
			['id', 'asc', undefined],
		]);
	});
});

describe('afterKeyCondition', () => {
	test('newest first: strictly older, or the same instant and a greater id; the timestamp quoted', () => {
		const key = sortKey('created_at.desc') as KeyColumn[];
		const at = '2026-05-01 10:00:00.123456+00';
		const id = '3f1c2a4e-8b7d-4c1e-9a2b-5d6e7f8a9b0c';
		expect(afterKeyCondition(key, [at, id])).toBe(`(created_at.lt."${at}",and(created_at.eq."${at}",id.gt.${id}))`);
	});

	test('NULLs: after a value come the NULLs sorted last; after a NULL sorted first come all values', () => {
		const last = sortKey('shipped_at.asc') as KeyColumn[];
		expect(afterKeyCondition(last, ['5', 'x'])).toBe('(or(shipped_at.gt.5,shipped_at.is.null),and(shipped_at.eq.5,id.gt.x))');
		expect(afterKeyCondition(last, [null, 'x'])).toBe('(and(shipped_at.is.null,id.gt.x))');
		const first = sortKey('shipped_at.desc') as KeyColumn[];
		expect(afterKeyCondition(first, [null, 'x'])).toBe('(shipped_at.not.is.null,and(shipped_at.is.null,id.gt.x))');
		expect(afterKeyCondition(first, ['5', 'x'])).toBe('(shipped_at.lt.5,and(shipped_at.eq.5,id.gt.x))');
	});

	test('values with PostgREST\'s reserved characters are quoted and read back verbatim', () => {
		const key = sortKey('note.asc') as KeyColumn[];
		const note = 'a,b.(c):*"d"\\e';
		const tree = parseLogicTree('or', afterKeyCondition(key, [note, '12345678901234567890']));
		const values: string[] = [];
		const walk = (node: LogicTree): void => {
			if (node.kind === 'expr') node.children.forEach(walk);
			else if (node.filter.operation.kind === 'quant') values.push(node.filter.operation.value);
		};
		walk(tree);
		expect(values).toEqual([note, note, '12345678901234567890']);
	});

	// Every direction and NULL placement of two columns, every row as the last one read: the
	// condition selects exactly the rows after it in the same order.
	const SORTS = ['asc', 'desc', 'asc.nullsfirst', 'desc.nullslast'];
	const combinations = SORTS.flatMap((a) => SORTS.flatMap((b) => [`a.${a},b.${b}`, `a.${a},b.${b},id.desc`]));
	test.each(combinations)('order=%s: the condition keeps exactly the rows after each row', (order) => {
		const key = sortKey(order) as KeyColumn[];
		const sorted = [...ROWS].sort(compareBy(key));
		sorted.forEach((last, index) => {
			const tree = parseLogicTree('or', afterKeyCondition(key, keyOf(last, key)));
			const selected = sorted.filter((row) => holds(tree, row)).map((row) => row.id);
			expect(selected).toEqual(sorted.slice(index + 1).map((row) => row.id));
		});
	});
});

describe('withCondition: the user\'s filters AND the keyset condition', () => {
	const condition = '(id.gt.x)';
	test('an or key of its own when the query has none', () => {
		expect(withCondition([['order_status', 'eq.pending']], condition)).toEqual([
			['order_status', 'eq.pending'],
			['or', condition],
		]);
	});

	test('inside and=(…) when the user has an or tree, and joined to the user\'s and tree when both exist', () => {
		const userOr: QueryPairs = [['or', '(order_status.eq.pending,total_amount.gt.100)']];
		expect(withCondition(userOr, condition)).toEqual([...userOr, ['and', `(or${condition})`]]);
		const both: QueryPairs = [...userOr, ['and', '(currency.eq.EGP,total_amount.lt.900)']];
		const combined = withCondition(both, condition);
		expect(combined).toEqual([...userOr, ['and', `(currency.eq.EGP,total_amount.lt.900,or${condition})`]]);
		// Each logic key once, and PostgREST's grammar reads the joined tree.
		expect(combined.filter(([key]) => key === 'and')).toHaveLength(1);
		const tree = parseLogicTree('and', combined[1][1]);
		expect(tree.kind === 'expr' && tree.children).toHaveLength(3);
	});
});

describe('key columns in select', () => {
	test('added as text under aliases, and taken off each row', () => {
		const key = sortKey('created_at.desc') as KeyColumn[];
		const select = selectWithKey('id,order_number,order_items(*)', key);
		expect(select).toBe('id,order_number,order_items(*),nexus_keyset_0:created_at::text,nexus_keyset_1:id::text');
		expect(parseSelect(select).slice(-2)).toEqual([
			expect.objectContaining({ alias: 'nexus_keyset_0', cast: 'text', field: { name: 'created_at', json: [] } }),
			expect.objectContaining({ alias: 'nexus_keyset_1', cast: 'text', field: { name: 'id', json: [] } }),
		]);
		expect(selectWithKey(undefined, key).startsWith('*,')).toBe(true);
		const row: IDataObject = { id: 'x', created_at: '2026-05-01T10:00:00.1+00:00', nexus_keyset_0: '2026-05-01 10:00:00.1+00', nexus_keyset_1: 'x' };
		expect(takeKey(row, key)).toEqual(['2026-05-01 10:00:00.1+00', 'x']);
		expect(row).toEqual({ id: 'x', created_at: '2026-05-01T10:00:00.1+00:00' });
	});
});

describe('readKeysetPages', () => {
	/**
	 * A PostgREST stand-in over rows in memory: filters by the `or`/`and` trees it is given, sorts
	 * by `order`, answers `limit` rows with the key columns as text. `between` runs after a page.
	 */
	function table(rows: Row[], between?: (page: number) => void) {
		const requests: IDataObject[] = [];
		const fetchPage = async (qs: IDataObject) => {
			requests.push(qs);
			const entries = Object.entries(qs).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, String(x)]));
			const pairs = decodeQueryString(new URLSearchParams(entries).toString());
			const trees = pairs.filter((p) => p.key === 'or' || p.key === 'and').map((p) => parseLogicTree(p.key, p.value ?? ''));
			const key = sortKey(String(qs.order)) as KeyColumn[];
			const selected = [...rows].filter((row) => trees.every((tree) => holds(tree, row))).sort(compareBy(key));
			const page = selected.slice(0, Number(qs.limit)).map((row) => {
				const out: IDataObject = { ...row };
				key.forEach(({ column }, index) => (out[`nexus_keyset_${index}`] = row[column]));
				return out;
			});
			between?.(requests.length);
			return { statusCode: 200, headers: {}, body: page };
		};
		return { fetchPage, requests };
	}

	const many = (count: number, prefix = 'r'): Row[] =>
		Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(4, '0')}`, a: String(i % 7), b: null }));

	test('every row once, 100 per request, no count asked, key columns stripped, a short page ends it', async () => {
		const rows = many(250);
		const { fetchPage, requests } = table(rows);
		const read = await readKeysetPages([['order', 'a.desc,id.asc']], fetchPage, undefined);
		expect(read.map((row) => row.id)).toEqual([...rows].sort(compareBy(sortKey('a.desc') as KeyColumn[])).map((row) => row.id));
		expect(requests.map((qs) => qs.limit)).toEqual(['100', '100', '100']);
		expect(requests[0]).not.toHaveProperty('or');
		expect(requests[1].or).toMatch(/^\(a\.lt\./);
		expect(Object.keys(read[0]).some((name) => name.startsWith('nexus_keyset_'))).toBe(false);
	});

	test('rows inserted before the last row read, and rows deleted, between pages: nothing repeated or skipped', async () => {
		const rows = many(230);
		const before = rows.map((row) => row.id);
		const { fetchPage } = table(rows, (page) => {
			if (page !== 1) return;
			rows.splice(0, 5);
			rows.push(...many(5, 'new').map((row) => ({ ...row, a: '9' })));
		});
		const read = (await readKeysetPages([['order', 'a.desc']], fetchPage, undefined)).map((row) => String(row.id));
		expect(new Set(read).size).toBe(read.length);
		const after = new Set(rows.map((row) => row.id));
		expect(before.filter((id) => after.has(id)).filter((id) => !read.includes(String(id)))).toEqual([]);
	});

	test('Limit: exactly that many, the last request asking only for what is missing', async () => {
		const { fetchPage, requests } = table(many(250));
		expect(await readKeysetPages([], fetchPage, 130)).toHaveLength(130);
		expect(requests.map((qs) => qs.limit)).toEqual(['100', '30']);
	});

	test('an order that cannot be keyed is read by offset, each id once', async () => {
		const rows = many(150);
		const requests: IDataObject[] = [];
		const fetchPage = async (qs: IDataObject) => {
			requests.push(qs);
			const offset = Number(qs.offset);
			// The server shifted by an insert before the second page: rows 95..99 come again.
			const start = offset === 0 ? 0 : offset - 5;
			return { statusCode: 200, headers: {}, body: rows.slice(start, start + Number(qs.limit)).map((row) => ({ ...row })) };
		};
		const read = await readKeysetPages([['order', 'customer(name).asc']], fetchPage, undefined);
		expect(requests.map((qs) => [qs.offset, qs.order])).toEqual([
			['0', 'customer(name).asc'],
			['100', 'customer(name).asc'],
		]);
		expect(read.map((row) => row.id)).toEqual(rows.map((row) => row.id));
	});
});
