/**
 * Builds the SQL for a PostgREST request. Values always travel as `$n` parameters; the only
 * names written into the text are table/column names checked against the schema cache,
 * aliases and casts checked against a strict pattern, and generated aliases.
 */
import type { Catalog, ForeignKey, TableInfo } from '../catalog';
import { errors } from './errors';
import type { Field, Filter, LogicTree, OrderTerm, ParsedQuery, SelectItem } from './parse';

export class Params {
	readonly values: unknown[] = [];
	add(value: unknown): string {
		this.values.push(value);
		return `$${this.values.length}`;
	}
}

/** Quotes an identifier (used only for names that passed validation). */
export function qi(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

const SAFE_ALIAS = /^[\p{L}\p{N}_ $-]{1,63}$/u;
const SAFE_CAST = /^[A-Za-z_][A-Za-z0-9_ ]{0,62}$/;

export interface Relationship {
	cardinality: 'to-one' | 'to-many';
	target: TableInfo;
	fk: ForeignKey;
	/** SQL condition joining `childAlias` (target) to `parentAlias` (source). */
	join(parentAlias: string, childAlias: string): string;
}

export interface BuildContext {
	catalog: Catalog;
	params: Params;
	query: ParsedQuery;
	counter: { n: number };
}

function table(ctx: BuildContext, name: string): TableInfo {
	const t = ctx.catalog.tables.get(name);
	if (!t) throw errors.tableNotFound(name, [...ctx.catalog.tables.keys()]);
	return t;
}

export function resolveRelationship(ctx: BuildContext, from: TableInfo, name: string, hint?: string): Relationship {
	const candidates: Relationship[] = [];
	const matchesHint = (fk: ForeignKey) => !hint || fk.name === hint || (fk.columns.length === 1 && fk.columns[0] === hint);
	// to-one: a foreign key on `from`, named by target table or by the fk column.
	for (const fk of from.foreignKeys) {
		const byTable = fk.refTable === name;
		const byColumn = fk.columns.length === 1 && fk.columns[0] === name;
		if ((byTable || byColumn) && matchesHint(fk)) {
			candidates.push({
				cardinality: 'to-one',
				target: table(ctx, fk.refTable),
				fk,
				join: (p, c) => fk.columns.map((col, i) => `${c}.${qi(fk.refColumns[i])} = ${p}.${qi(col)}`).join(' and '),
			});
		}
	}
	// to-many: a foreign key on the target pointing back at `from`.
	const target = ctx.catalog.tables.get(name);
	if (target) {
		for (const fk of target.foreignKeys) {
			if (fk.refTable === from.name && matchesHint(fk)) {
				const oneToOne = target.uniques.some((u) => u.length === fk.columns.length && u.every((c) => fk.columns.includes(c)));
				candidates.push({
					cardinality: oneToOne ? 'to-one' : 'to-many',
					target,
					fk,
					join: (p, c) => fk.columns.map((col, i) => `${c}.${qi(col)} = ${p}.${qi(fk.refColumns[i])}`).join(' and '),
				});
			}
		}
	}
	if (candidates.length === 0) {
		const related = new Set<string>();
		for (const fk of from.foreignKeys) related.add(fk.refTable);
		for (const t of ctx.catalog.tables.values()) if (t.foreignKeys.some((fk) => fk.refTable === from.name)) related.add(t.name);
		throw errors.noRelationship(from.name, name, [...related]);
	}
	if (candidates.length > 1) {
		throw errors.ambiguousRelationship(from.name, name, candidates.map((c) => c.fk.name));
	}
	return candidates[0];
}

function column(t: TableInfo, name: string) {
	const col = t.columns.get(name);
	if (!col) throw errors.columnNotFound(t.name, name);
	return col;
}

/** `alias."col"` plus JSON arrows, with keys as parameters. */
export function fieldSql(ctx: BuildContext, t: TableInfo, alias: string, field: Field): string {
	column(t, field.name);
	let sql = `${alias}.${qi(field.name)}`;
	for (const op of field.json) {
		const operand = op.index ? `${ctx.params.add(String(Number(op.key)))}::int` : `${ctx.params.add(op.key)}::text`;
		sql = `(${sql}${op.arrow}${operand})`;
	}
	return sql;
}

function likeValue(v: string): string {
	return v.replace(/\*/g, '%');
}

export function filterSql(ctx: BuildContext, t: TableInfo, alias: string, filter: Filter): string {
	const lhs = fieldSql(ctx, t, alias, filter.field);
	const p = (v: unknown) => ctx.params.add(v);
	const o = filter.operation;
	let sql: string;
	switch (o.kind) {
		case 'quant': {
			const sym: Record<string, string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=', like: 'like', ilike: 'ilike', match: '~', imatch: '~*' };
			const isLike = o.op === 'like' || o.op === 'ilike';
			const value = isLike ? likeValue(o.value) : o.value;
			sql = o.quant ? `${lhs} ${sym[o.op]} ${o.quant}(${p(value)})` : `${lhs} ${sym[o.op]} ${p(value)}`;
			break;
		}
		case 'simple': {
			const sym: Record<string, string> = { neq: '<>', cs: '@>', cd: '<@', ov: '&&', sl: '<<', sr: '>>', nxr: '&<', nxl: '&>', adj: '-|-' };
			sql = `${lhs} ${sym[o.op]} ${p(o.value)}`;
			break;
		}
		case 'in': {
			const values = o.values.length === 1 && o.values[0] === '' ? [] : o.values;
			sql = values.length === 0 ? 'false' : `${lhs} in (${values.map((v) => p(v)).join(', ')})`;
			break;
		}
		case 'is': {
			const map: Record<string, string> = { null: 'is null', not_null: 'is not null', true: 'is true', false: 'is false', unknown: 'is unknown' };
			sql = `${lhs} ${map[o.value]}`;
			break;
		}
		case 'isdistinct':
			sql = `${lhs} is distinct from ${p(o.value)}`;
			break;
		case 'fts': {
			const fn: Record<string, string> = { fts: 'to_tsquery', plfts: 'plainto_tsquery', phfts: 'phraseto_tsquery', wfts: 'websearch_to_tsquery' };
			const isVector = t.columns.get(filter.field.name)?.type === 'tsvector' && filter.field.json.length === 0;
			const lang = o.lang ? `${p(o.lang)}::regconfig, ` : '';
			const doc = isVector ? lhs : `to_tsvector(${lang}${lhs})`;
			const langQ = o.lang ? `${p(o.lang)}::regconfig, ` : '';
			sql = `${doc} @@ ${fn[o.op]}(${langQ}${p(o.value)})`;
			break;
		}
	}
	return filter.negate ? `not (${sql})` : sql;
}

export function logicSql(ctx: BuildContext, t: TableInfo, alias: string, tree: LogicTree): string {
	if (tree.kind === 'stmt') return filterSql(ctx, t, alias, tree.filter);
	const parts = tree.children.map((c) => `(${logicSql(ctx, t, alias, c)})`);
	const sql = parts.join(tree.op === 'and' ? ' and ' : ' or ');
	return tree.negate ? `not (${sql})` : `(${sql})`;
}

function samePath(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Filters and logic trees that apply at `path`, as SQL conditions on `alias`. */
export function conditionsAt(ctx: BuildContext, t: TableInfo, alias: string, path: string[]): string[] {
	const conds: string[] = [];
	for (const f of ctx.query.filters) if (samePath(f.path, path)) conds.push(filterSql(ctx, t, alias, f.filter));
	for (const l of ctx.query.logic) if (samePath(l.path, path)) conds.push(logicSql(ctx, t, alias, l.tree));
	return conds;
}

function nextAlias(ctx: BuildContext, prefix: string): string {
	ctx.counter.n += 1;
	return qi(`${prefix}${ctx.counter.n}`);
}

export function orderSql(ctx: BuildContext, t: TableInfo, alias: string, path: string[], items: SelectItem[]): string {
	const terms: OrderTerm[] = ctx.query.order.filter((o) => samePath(o.path, path)).flatMap((o) => o.terms);
	if (!terms.length) return '';
	const parts = terms.map((term) => {
		let expr: string;
		if (term.relation) {
			const embed = items.find((i) => i.kind === 'relation' && (i.alias ?? i.name) === term.relation);
			const rel = resolveRelationship(ctx, t, embed && embed.kind === 'relation' ? embed.name : term.relation, embed && embed.kind === 'relation' ? embed.hint : undefined);
			if (rel.cardinality !== 'to-one') {
				throw errors.badRequest(`A related order on '${term.relation}' is not possible`, `'${t.name}' and '${term.relation}' do not form a many-to-one or one-to-one relationship`);
			}
			const a = nextAlias(ctx, '_o');
			expr = `(select ${fieldSql(ctx, rel.target, a, term.field)} from ${qi(ctx.catalog.schema)}.${qi(rel.target.name)} as ${a} where ${rel.join(alias, a)})`;
		} else expr = fieldSql(ctx, t, alias, term.field);
		return `${expr}${term.direction ? ` ${term.direction}` : ''}${term.nulls ? ` nulls ${term.nulls}` : ''}`;
	});
	return ` order by ${parts.join(', ')}`;
}

function outputName(item: Extract<SelectItem, { kind: 'field' }>): string {
	if (item.alias) return item.alias;
	const lastKey = [...item.field.json].reverse().find((j) => !j.index);
	return lastKey ? lastKey.key : item.field.name;
}

function checkAlias(name: string): string {
	if (!SAFE_ALIAS.test(name)) throw errors.badRequest(`"failed to parse select parameter" (invalid alias ${JSON.stringify(name)})`);
	return name;
}

export interface SelectParts {
	columns: string[];
	joins: string[];
	/** Conditions the parent must satisfy (from `!inner` embeds). */
	conditions: string[];
}

/** The select list for one level (root or embedded). */
export function selectParts(ctx: BuildContext, t: TableInfo, alias: string, path: string[], items: SelectItem[]): SelectParts {
	const out: SelectParts = { columns: [], joins: [], conditions: [] };
	for (const item of items) {
		if (item.kind === 'field') {
			if (item.aggregate) throw errors.aggregatesDisabled();
			if (item.field.name === '*' && item.field.json.length === 0) {
				out.columns.push(`${alias}.*`);
				continue;
			}
			let expr = fieldSql(ctx, t, alias, item.field);
			if (item.cast) {
				if (!SAFE_CAST.test(item.cast)) throw errors.badRequest(`"failed to parse select parameter" (invalid cast ${JSON.stringify(item.cast)})`);
				expr = `cast(${expr} as ${item.cast})`;
			}
			out.columns.push(`${expr} as ${qi(checkAlias(outputName(item)))}`);
			continue;
		}
		const rel = resolveRelationship(ctx, t, item.name, item.hint);
		const childPath = [...path, item.alias ?? item.name];
		const name = checkAlias(item.alias ?? item.name);
		const embedded = (childAlias: string) => {
			const child = selectParts(ctx, rel.target, childAlias, childPath, item.children);
			const where = [rel.join(alias, childAlias), ...conditionsAt(ctx, rel.target, childAlias, childPath), ...child.conditions];
			const from = `${qi(ctx.catalog.schema)}.${qi(rel.target.name)} as ${childAlias}${child.joins.join('')}`;
			return { child, where, from };
		};
		if (item.spread) {
			if (rel.cardinality !== 'to-one') {
				throw errors.badRequest(`A spread operation on '${item.name}' is not possible`, `'${t.name}' and '${item.name}' do not form a many-to-one or one-to-one relationship`);
			}
			const childAlias = nextAlias(ctx, '_e');
			const lateral = nextAlias(ctx, '_s');
			const { child, where, from } = embedded(childAlias);
			const cols = child.columns.length ? child.columns.join(', ') : 'null as "_"';
			out.joins.push(` ${item.join === 'inner' ? 'join' : 'left join'} lateral (select ${cols} from ${from} where ${where.join(' and ')} limit 1) as ${lateral} on true`);
			if (child.columns.length) out.columns.push(`${lateral}.*`);
			continue;
		}
		const childAlias = nextAlias(ctx, '_e');
		const { child, where, from } = embedded(childAlias);
		const cols = child.columns.join(', ');
		const rowAlias = nextAlias(ctx, '_r');
		if (rel.cardinality === 'to-one') {
			out.columns.push(`(select row_to_json(${rowAlias}) from (select ${cols} from ${from} where ${where.join(' and ')} limit 1) as ${rowAlias}) as ${qi(name)}`);
		} else {
			const order = orderSql(ctx, rel.target, childAlias, childPath, item.children);
			const range = ctx.query.ranges.get(childPath.join('.'));
			const limit = range?.limit !== undefined ? ` limit ${ctx.params.add(range.limit)}::bigint` : '';
			const offset = range && range.offset > 0 ? ` offset ${ctx.params.add(range.offset)}::bigint` : '';
			out.columns.push(
				`coalesce((select json_agg(${rowAlias}) from (select ${cols} from ${from} where ${where.join(' and ')}${order}${limit}${offset}) as ${rowAlias}), '[]'::json) as ${qi(name)}`,
			);
		}
		if (item.join === 'inner') {
			const a = nextAlias(ctx, '_i');
			const inner = embedded(a);
			out.conditions.push(`exists (select 1 from ${inner.from} where ${inner.where.join(' and ')})`);
		}
	}
	return out;
}

export interface ReadPlan {
	sql: string;
	countSql: string;
	params: unknown[];
	countParams: unknown[];
}

/**
 * The root read: the body as JSON text built by Postgres (json_agg keeps every value exactly
 * as Postgres renders it: microsecond timestamps, numeric precision) and the row count.
 */
export function buildRead(catalog: Catalog, tableName: string, query: ParsedQuery, range: { offset: number; limit?: number }): ReadPlan {
	const t = table({ catalog } as BuildContext, tableName);
	const ctx: BuildContext = { catalog, params: new Params(), query, counter: { n: 0 } };
	const alias = qi(t.name);
	const parts = selectParts(ctx, t, alias, [], query.select);
	const where = [...conditionsAt(ctx, t, alias, []), ...parts.conditions];
	const whereSql = where.length ? ` where ${where.join(' and ')}` : '';
	const from = `${qi(catalog.schema)}.${qi(t.name)} as ${alias}${parts.joins.join('')}`;
	const order = orderSql(ctx, t, alias, [], query.select);
	const limit = range.limit !== undefined ? ` limit ${ctx.params.add(range.limit)}::bigint` : '';
	const offset = range.offset > 0 ? ` offset ${ctx.params.add(range.offset)}::bigint` : '';
	const cols = parts.columns.join(', ');
	const sql = `select coalesce(json_agg(_pgrst_t), '[]'::json)::text as body, count(*)::int as n from (select ${cols} from ${from}${whereSql}${order}${limit}${offset}) as _pgrst_t`;

	// The count runs the same filters with its own parameter list.
	const cctx: BuildContext = { catalog, params: new Params(), query, counter: { n: 0 } };
	const cparts = selectParts(cctx, t, alias, [], query.select);
	const cwhere = [...conditionsAt(cctx, t, alias, []), ...cparts.conditions];
	const cfrom = `${qi(catalog.schema)}.${qi(t.name)} as ${alias}${cparts.joins.join('')}`;
	const countSql = `select count(*)::int as total from ${cfrom}${cwhere.length ? ` where ${cwhere.join(' and ')}` : ''}`;
	return { sql, countSql, params: ctx.params.values, countParams: cctx.params.values };
}

export type Resolution = 'merge-duplicates' | 'ignore-duplicates' | undefined;

export interface WritePlan {
	sql: string;
	params: unknown[];
}

function representation(ctx: BuildContext, t: TableInfo, mutation: string): string {
	const alias = qi(t.name);
	const parts = selectParts(ctx, t, alias, [], ctx.query.select);
	const cols = parts.columns.join(', ');
	return `with pgrst_source as (${mutation}) select coalesce(json_agg(_pgrst_t), '[]'::json)::text as body, count(*)::int as n from (select ${cols} from pgrst_source as ${alias}${parts.joins.join('')}) as _pgrst_t`;
}

/** Columns a payload sets: the union of its keys (or `columns=`), all checked. */
export function payloadColumns(t: TableInfo, rows: Record<string, unknown>[], columnsParam?: string[]): string[] {
	const cols = columnsParam ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
	for (const c of cols) if (!t.columns.has(c)) throw errors.payloadColumnNotFound(t.name, c);
	return cols;
}

export function buildInsert(
	catalog: Catalog,
	tableName: string,
	query: ParsedQuery,
	rows: Record<string, unknown>[],
	resolution: Resolution,
): WritePlan {
	const t = table({ catalog } as BuildContext, tableName);
	const ctx: BuildContext = { catalog, params: new Params(), query, counter: { n: 0 } };
	const cols = payloadColumns(t, rows, query.columns);
	const target = `${qi(catalog.schema)}.${qi(t.name)}`;
	const body = ctx.params.add(JSON.stringify(rows));
	const colList = cols.map(qi).join(', ');
	let mutation = cols.length
		? `insert into ${target} as ${qi(t.name)} (${colList}) select ${colList} from json_populate_recordset(null::${target}, ${body}::json) as _pgrst_body`
		: `insert into ${target} as ${qi(t.name)} select from json_populate_recordset(null::${target}, ${body}::json) as _pgrst_body`;
	if (resolution) {
		const conflict = query.onConflict ?? t.primaryKey;
		for (const c of conflict) column(t, c);
		if (resolution === 'ignore-duplicates' || cols.length === 0) mutation += ` on conflict (${conflict.map(qi).join(', ')}) do nothing`;
		else mutation += ` on conflict (${conflict.map(qi).join(', ')}) do update set ${cols.map((c) => `${qi(c)} = excluded.${qi(c)}`).join(', ')}`;
	}
	mutation += ` returning ${qi(t.name)}.*`;
	return { sql: representation(ctx, t, mutation), params: ctx.params.values };
}

export function buildUpdate(catalog: Catalog, tableName: string, query: ParsedQuery, patch: Record<string, unknown>): WritePlan {
	const t = table({ catalog } as BuildContext, tableName);
	const ctx: BuildContext = { catalog, params: new Params(), query, counter: { n: 0 } };
	const cols = payloadColumns(t, [patch], query.columns);
	const target = `${qi(catalog.schema)}.${qi(t.name)}`;
	const alias = qi(t.name);
	const body = ctx.params.add(JSON.stringify(patch));
	const where = conditionsAt(ctx, t, alias, []);
	const whereSql = where.length ? ` where ${where.join(' and ')}` : '';
	const mutation = cols.length
		? `update ${target} as ${alias} set ${cols.map((c) => `${qi(c)} = _pgrst_body.${qi(c)}`).join(', ')} from (select * from json_populate_record(null::${target}, ${body}::json)) as _pgrst_body${whereSql} returning ${alias}.*`
		: `select ${alias}.* from ${target} as ${alias} where false`;
	return { sql: representation(ctx, t, mutation), params: ctx.params.values };
}

export function buildDelete(catalog: Catalog, tableName: string, query: ParsedQuery): WritePlan {
	const t = table({ catalog } as BuildContext, tableName);
	const ctx: BuildContext = { catalog, params: new Params(), query, counter: { n: 0 } };
	const alias = qi(t.name);
	const where = conditionsAt(ctx, t, alias, []);
	const whereSql = where.length ? ` where ${where.join(' and ')}` : '';
	const mutation = `delete from ${qi(catalog.schema)}.${qi(t.name)} as ${alias}${whereSql} returning ${alias}.*`;
	return { sql: representation(ctx, t, mutation), params: ctx.params.values };
}

export function hasRootFilters(query: ParsedQuery): boolean {
	return query.filters.some((f) => f.path.length === 0) || query.logic.some((l) => l.path.length === 0);
}
