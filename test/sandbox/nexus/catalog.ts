import type { SqlRunner } from './db';

/** PostgREST's "schema cache": the exposed tables, their columns and relationships. */
export interface ColumnInfo {
	name: string;
	/** format_type(), e.g. `uuid`, `numeric(10,2)`, `text[]`. */
	type: string;
	notNull: boolean;
	hasDefault: boolean;
	generated: boolean;
}

export interface ForeignKey {
	name: string;
	table: string;
	columns: string[];
	refTable: string;
	refColumns: string[];
}

export interface TableInfo {
	name: string;
	columns: Map<string, ColumnInfo>;
	primaryKey: string[];
	uniques: string[][];
	/** Foreign keys declared on this table (many-to-one from here). */
	foreignKeys: ForeignKey[];
}

export interface Catalog {
	schema: string;
	tables: Map<string, TableInfo>;
}

export async function loadCatalog(q: SqlRunner, schema = 'public'): Promise<Catalog> {
	const cols = await q.query(
		`select c.relname as table_name, a.attname::text as column_name,
			format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
			a.atthasdef as has_default, (a.attgenerated <> '') as generated
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		join pg_attribute a on a.attrelid = c.oid
		where n.nspname = $1 and c.relkind in ('r', 'v', 'p', 'm') and a.attnum > 0 and not a.attisdropped
		order by c.relname, a.attnum`,
		[schema],
	);
	const tables = new Map<string, TableInfo>();
	for (const row of cols.rows) {
		const name = String(row.table_name);
		let table = tables.get(name);
		if (!table) {
			table = { name, columns: new Map(), primaryKey: [], uniques: [], foreignKeys: [] };
			tables.set(name, table);
		}
		const column = String(row.column_name);
		table.columns.set(column, {
			name: column,
			type: String(row.type),
			notNull: row.not_null === true,
			hasDefault: row.has_default === true,
			generated: row.generated === true,
		});
	}
	const cons = await q.query(
		`select con.conname::text as name, con.contype::text as kind, cl.relname::text as table_name,
			(select string_agg(a.attname::text, ',' order by k.ord) from unnest(con.conkey) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as cols,
			fcl.relname::text as ref_table,
			(select string_agg(a.attname::text, ',' order by k.ord) from unnest(con.confkey) with ordinality k(attnum, ord)
				join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_cols
		from pg_constraint con
		join pg_class cl on cl.oid = con.conrelid
		join pg_namespace n on n.oid = cl.relnamespace
		left join pg_class fcl on fcl.oid = con.confrelid
		where n.nspname = $1 and con.contype in ('p', 'u', 'f')
		order by con.conname`,
		[schema],
	);
	for (const row of cons.rows) {
		const table = tables.get(String(row.table_name));
		if (!table) continue;
		const columns = String(row.cols ?? '').split(',').filter(Boolean);
		if (row.kind === 'p') table.primaryKey = columns;
		else if (row.kind === 'u') table.uniques.push(columns);
		else if (row.kind === 'f' && row.ref_table && tables.has(String(row.ref_table))) {
			table.foreignKeys.push({
				name: String(row.name),
				table: table.name,
				columns,
				refTable: String(row.ref_table),
				refColumns: String(row.ref_cols ?? '').split(',').filter(Boolean),
			});
		}
	}
	return { schema, tables };
}
