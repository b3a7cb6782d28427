/**
 * PostgREST's query-string grammar (ApiRequest/QueryParams.hs), parsed the same way:
 * the same reserved parameters, the same operators, the same quoting rules inside `in.(...)`
 * and logic trees (`"..."` with `\"` and `\\` escapes), the same lenient spots.
 */

export interface JsonOp {
	arrow: '->' | '->>';
	/** Key name, or the index digits (with sign) when `index` is true. */
	key: string;
	index: boolean;
}

export interface Field {
	name: string;
	json: JsonOp[];
}

export type QuantOp = 'eq' | 'gt' | 'gte' | 'lt' | 'lte' | 'like' | 'ilike' | 'match' | 'imatch';
export type SimpleOp = 'neq' | 'cs' | 'cd' | 'ov' | 'sl' | 'sr' | 'nxr' | 'nxl' | 'adj';
export type FtsOp = 'fts' | 'plfts' | 'phfts' | 'wfts';
export type IsVal = 'null' | 'not_null' | 'true' | 'false' | 'unknown';

export type Operation =
	| { kind: 'quant'; op: QuantOp; quant?: 'any' | 'all'; value: string }
	| { kind: 'simple'; op: SimpleOp; value: string }
	| { kind: 'in'; values: string[] }
	| { kind: 'is'; value: IsVal }
	| { kind: 'isdistinct'; value: string }
	| { kind: 'fts'; op: FtsOp; lang?: string; value: string };

export interface Filter {
	field: Field;
	negate: boolean;
	operation: Operation;
}

export type LogicTree =
	| { kind: 'stmt'; filter: Filter }
	| { kind: 'expr'; negate: boolean; op: 'and' | 'or'; children: LogicTree[] };

export interface OrderTerm {
	/** Set for `relation(column).desc` terms (to-one embeds only). */
	relation?: string;
	field: Field;
	direction?: 'asc' | 'desc';
	nulls?: 'first' | 'last';
}

export type SelectItem =
	| {
			kind: 'field';
			field: Field;
			alias?: string;
			cast?: string;
			aggregate?: string;
	  }
	| {
			kind: 'relation';
			name: string;
			alias?: string;
			hint?: string;
			join?: 'inner' | 'left';
			spread: boolean;
			children: SelectItem[];
	  };

export interface RangeParam {
	offset: number;
	limit?: number;
}

export interface ParsedQuery {
	select: SelectItem[];
	filters: Array<{ path: string[]; filter: Filter }>;
	logic: Array<{ path: string[]; tree: LogicTree }>;
	order: Array<{ path: string[]; terms: OrderTerm[] }>;
	/** Keyed by embed path joined with '.', '' for the root. */
	ranges: Map<string, RangeParam>;
	onConflict?: string[];
	columns?: string[];
}

/** A PGRST100 parse error: message `"failed to parse X" (line 1, column N)`. */
export class QueryParseError extends Error {
	constructor(
		readonly what: string,
		readonly column: number,
		readonly details: string,
	) {
		super(`"failed to parse ${what}" (line 1, column ${column})`);
		this.name = 'QueryParseError';
	}
}

class Fail {
	constructor(
		readonly pos: number,
		readonly expecting: string,
	) {}
}

const IDENT_CHAR = /[\p{L}\p{N}_ $]/u;

class Parser {
	i = 0;
	constructor(readonly s: string) {}

	get eof(): boolean {
		return this.i >= this.s.length;
	}

	peek(offset = 0): string | undefined {
		return this.s[this.i + offset];
	}

	fail(expecting: string): never {
		throw new Fail(this.i, expecting);
	}

	/** Consumes `lit` if it is next; otherwise consumes nothing. */
	lit(lit: string): boolean {
		if (this.s.startsWith(lit, this.i)) {
			this.i += lit.length;
			return true;
		}
		return false;
	}

	expect(lit: string, what = `"${lit}"`): void {
		if (!this.lit(lit)) this.fail(what);
	}

	/** Runs `fn`; on failure restores the position and returns undefined (Parsec's `try`). */
	attempt<T>(fn: () => T): T | undefined {
		const start = this.i;
		try {
			return fn();
		} catch (error) {
			if (!(error instanceof Fail)) throw error;
			this.i = start;
			return undefined;
		}
	}

	ws(): void {
		while (this.peek() === ' ' || this.peek() === '\t') this.i++;
	}

	quoted(): string {
		this.expect('"');
		let out = '';
		for (;;) {
			const c = this.peek();
			if (c === undefined) this.fail('"\\"" (closing quote)');
			this.i++;
			if (c === '"') return out;
			if (c === '\\') {
				const next = this.peek();
				if (next === undefined) this.fail('escaped character');
				out += next;
				this.i++;
			} else out += c;
		}
	}

	identifier(): string {
		const start = this.i;
		while (!this.eof && IDENT_CHAR.test(this.peek() as string)) this.i++;
		if (this.i === start) this.fail('field name (* or [a..z0..9_$])');
		return this.s.slice(start, this.i).trim();
	}

	/** identifiers joined by '-' (a '-' followed by '>' is a JSON arrow, not a dash). */
	sepByDash(part: () => string): string {
		const parts = [part()];
		while (this.peek() === '-' && this.peek(1) !== '>') {
			this.i++;
			parts.push(part());
		}
		return parts.join('-');
	}

	fieldName(): string {
		if (this.peek() === '"') return this.quoted();
		return this.sepByDash(() => this.identifier());
	}

	jsonPath(): JsonOp[] {
		const ops: JsonOp[] = [];
		for (;;) {
			let arrow: JsonOp['arrow'];
			if (this.lit('->>')) arrow = '->>';
			else if (this.lit('->')) arrow = '->';
			else return ops;
			const idx = this.attempt(() => {
				let digits = this.lit('-') ? '-' : '+';
				const start = this.i;
				while (!this.eof && /[0-9]/.test(this.peek() as string)) this.i++;
				if (this.i === start) this.fail('digit');
				digits += this.s.slice(start, this.i);
				const rest = this.s.slice(this.i);
				if (!(rest === '' || rest.startsWith('->') || rest.startsWith('::') || rest.startsWith('.') || rest.startsWith(','))) {
					this.fail('"->", "::", ".", "," or end of input');
				}
				return digits;
			});
			if (idx !== undefined) {
				ops.push({ arrow, key: idx, index: true });
				continue;
			}
			const key =
				this.peek() === '"'
					? this.quoted()
					: this.sepByDash(() => {
							const start = this.i;
							while (!this.eof && !'(-:.,>)'.includes(this.peek() as string)) this.i++;
							if (this.i === start) this.fail('any non reserved character different from: .,>()');
							return this.s.slice(start, this.i).trim();
						});
			ops.push({ arrow, key, index: false });
		}
	}

	field(): Field {
		this.ws();
		const name = this.fieldName();
		const json = this.jsonPath();
		this.ws();
		return { name, json };
	}

	/** `(a,"b,c",d)` */
	listVal(): string[] {
		this.ws();
		this.expect('(');
		this.ws();
		const values = [this.listElement()];
		while (this.lit(',')) values.push(this.listElement());
		this.ws();
		this.expect(')', '")"');
		this.ws();
		return values;
	}

	private quotedFollowedBy(stops: string): string | undefined {
		return this.attempt(() => {
			const v = this.quoted();
			const next = this.peek();
			if (next !== undefined && !stops.includes(next)) this.fail(`"${stops}"`);
			return v;
		});
	}

	private rawUntil(stops: string): string {
		const start = this.i;
		while (!this.eof && !stops.includes(this.peek() as string)) this.i++;
		return this.s.slice(start, this.i);
	}

	listElement(): string {
		if (this.peek() === '"') {
			const q = this.quotedFollowedBy(',)');
			if (q !== undefined) return q;
		}
		return this.rawUntil(',)');
	}

	logicSingleVal(): string {
		if (this.peek() === '"') {
			const q = this.quotedFollowedBy(',)');
			if (q !== undefined) return q;
		}
		if (this.peek() === '{') {
			const arr = this.attempt(() => {
				this.expect('{');
				const body = this.rawUntil('{}');
				this.expect('}');
				return `{${body}}`;
			});
			if (arr !== undefined) return arr;
		}
		return this.rawUntil(',)');
	}

	opExpr(singleVal: () => string): { negate: boolean; operation: Operation } {
		const negate = this.lit('not.');
		if (this.lit('in.')) return { negate, operation: { kind: 'in', values: this.listVal() } };
		if (this.lit('is.')) {
			for (const v of ['null', 'not_null', 'true', 'false', 'unknown'] as IsVal[]) {
				if (this.s.slice(this.i, this.i + v.length).toLowerCase() === v) {
					this.i += v.length;
					return { negate, operation: { kind: 'is', value: v } };
				}
			}
			this.fail('isVal: (null, not_null, true, false, unknown)');
		}
		if (this.lit('isdistinct.')) return { negate, operation: { kind: 'isdistinct', value: singleVal() } };
		const fts = this.attempt(() => {
			let op: FtsOp | undefined;
			for (const o of ['fts', 'plfts', 'phfts', 'wfts'] as FtsOp[]) if (this.lit(o)) { op = o; break; }
			if (!op) this.fail('operator (eq, gt, ...)');
			const lang = this.attempt(() => {
				this.expect('(');
				const l = this.identifier();
				this.expect(')');
				return l;
			});
			this.expect('.', 'delimiter (.)');
			return { kind: 'fts' as const, op, lang, value: singleVal() };
		});
		if (fts) return { negate, operation: fts };
		const simple = this.attempt(() => {
			let op: SimpleOp | undefined;
			for (const o of ['neq', 'cs', 'cd', 'ov', 'sl', 'sr', 'nxr', 'nxl', 'adj'] as SimpleOp[]) if (this.lit(o)) { op = o; break; }
			if (!op) this.fail('operator (eq, gt, ...)');
			this.expect('.', 'delimiter (.)');
			return { kind: 'simple' as const, op, value: singleVal() };
		});
		if (simple) return { negate, operation: simple };
		const quant = this.attempt(() => {
			let op: QuantOp | undefined;
			for (const o of ['eq', 'gte', 'gt', 'lte', 'lt', 'like', 'ilike', 'match', 'imatch'] as QuantOp[]) if (this.lit(o)) { op = o; break; }
			if (!op) this.fail('operator (eq, gt, ...)');
			const q = this.attempt(() => {
				this.expect('(');
				const which = this.lit('any') ? 'any' : this.lit('all') ? 'all' : this.fail('"any" or "all"');
				this.expect(')');
				return which as 'any' | 'all';
			});
			this.expect('.', 'delimiter (.)');
			return { kind: 'quant' as const, op, quant: q, value: singleVal() };
		});
		if (quant) return { negate, operation: quant };
		return this.fail('"not" or operator (eq, gt, ...)');
	}

	logicTree(): LogicTree {
		const stmt = this.attempt(() => {
			const field = this.field();
			this.expect('.', 'delimiter (.)');
			const { negate, operation } = this.opExpr(() => this.logicSingleVal());
			return { kind: 'stmt' as const, filter: { field, negate, operation } };
		});
		if (stmt) return stmt;
		const negate = this.lit('not.');
		const op = this.lit('and') ? 'and' : this.lit('or') ? 'or' : this.fail('field name (* or [a..z0..9_$]), negation operator (not) or logic operator (and, or)');
		this.ws();
		this.expect('(');
		this.ws();
		const children = [this.logicTree()];
		for (;;) {
			this.ws();
			if (!this.lit(',')) break;
			this.ws();
			children.push(this.logicTree());
		}
		this.ws();
		this.expect(')', '")"');
		this.ws();
		return { kind: 'expr', negate, op: op as 'and' | 'or', children };
	}

	order(): OrderTerm[] {
		const terms: OrderTerm[] = [];
		do {
			this.ws();
			const rel = this.attempt(() => {
				const relation = this.fieldName();
				this.expect('(');
				const field = this.field();
				this.expect(')');
				return { relation, field };
			});
			const term: OrderTerm = rel ? { relation: rel.relation, field: rel.field } : { field: this.field() };
			if (this.lit('.asc')) term.direction = 'asc';
			else if (this.lit('.desc')) term.direction = 'desc';
			if (this.lit('.nullsfirst')) term.nulls = 'first';
			else if (this.lit('.nullslast')) term.nulls = 'last';
			this.ws();
			if (!this.eof && this.peek() !== ',') {
				this.fail(term.direction || term.nulls ? '"," or end of input' : '"asc", "desc", "nullsfirst" or "nullslast"');
			}
			terms.push(term);
		} while (this.lit(','));
		return terms;
	}

	embedParams(): { hint?: string; join?: 'inner' | 'left' } {
		const out: { hint?: string; join?: 'inner' | 'left' } = {};
		for (let n = 0; n < 2 && this.peek() === '!'; n++) {
			this.i++;
			if (this.lit('left')) out.join ??= 'left';
			else if (this.lit('inner')) out.join ??= 'inner';
			else out.hint ??= this.fieldName();
		}
		return out;
	}

	aliasPrefix(): string | undefined {
		return this.attempt(() => {
			const alias = this.fieldName();
			this.expect(':');
			if (this.peek() === ':') this.fail('alias');
			return alias;
		});
	}

	selectForest(): SelectItem[] {
		const items: SelectItem[] = [];
		if (this.eof || this.peek() === ')') return items;
		for (;;) {
			items.push(this.selectItem());
			this.ws();
			if (!this.lit(',')) break;
			this.ws();
		}
		return items;
	}

	private selectItem(): SelectItem {
		this.ws();
		const spread = this.attempt(() => {
			this.expect('...');
			const name = this.fieldName();
			const params = this.embedParams();
			if (this.peek() !== '(') this.fail('"("');
			return { name, ...params };
		});
		const relation =
			spread ??
			this.attempt(() => {
				const alias = this.aliasPrefix();
				const name = this.fieldName();
				if (name === 'count') this.fail('relation');
				const params = this.embedParams();
				if (this.peek() !== '(') this.fail('"("');
				return { name, alias, ...params };
			});
		if (relation) {
			this.expect('(');
			const children = this.selectForest();
			this.expect(')', '")"');
			this.ws();
			return {
				kind: 'relation',
				name: relation.name,
				alias: 'alias' in relation ? (relation.alias as string | undefined) : undefined,
				hint: relation.hint,
				join: relation.join,
				spread: spread !== undefined,
				children,
			};
		}
		const end = () => {
			this.ws();
			if (!this.eof && this.peek() !== ',' && this.peek() !== ')') this.fail('"," or end of input');
		};
		const star = this.attempt(() => {
			this.expect('*');
			end();
			return true;
		});
		if (star) return { kind: 'field', field: { name: '*', json: [] } };
		const alias = this.aliasPrefix();
		const field = this.field();
		let cast: string | undefined;
		if (this.lit('::')) cast = this.identifier();
		let aggregate: string | undefined;
		const agg = this.attempt(() => {
			this.expect('.');
			for (const a of ['sum', 'avg', 'count', 'max', 'min']) if (this.lit(a)) { this.expect('()'); return a; }
			return this.fail('aggregate');
		});
		if (agg) {
			aggregate = agg;
			if (this.lit('::')) cast = this.identifier();
		}
		end();
		return { kind: 'field', field, alias, cast, aggregate };
	}

	columns(): string[] {
		const cols: string[] = [];
		do {
			this.ws();
			cols.push(this.fieldName());
			this.ws();
		} while (this.lit(','));
		return cols;
	}

	treePath(): { path: string[]; field: Field } {
		const names = [this.fieldName()];
		while (this.lit('.')) names.push(this.fieldName());
		const json = this.jsonPath();
		return { path: names.slice(0, -1), field: { name: names[names.length - 1], json } };
	}
}

function describeUnexpected(s: string, pos: number): string {
	return pos >= s.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(s[pos])}`;
}

function run<T>(what: string, input: string, fn: (p: Parser) => T, requireEnd = false): T {
	const p = new Parser(input);
	try {
		const out = fn(p);
		if (requireEnd && !p.eof) p.fail('end of input');
		return out;
	} catch (error) {
		if (error instanceof Fail) {
			throw new QueryParseError(what, error.pos + 1, `${describeUnexpected(input, error.pos)} expecting ${error.expecting}`);
		}
		throw error;
	}
}

export function parseSelect(value: string): SelectItem[] {
	return run(`select parameter (${value})`, value, (p) => p.selectForest(), true);
}

export function parseFilterValue(value: string): { negate: boolean; operation: Operation } {
	const singleVal = (p: Parser) => () => {
		const rest = p.s.slice(p.i);
		p.i = p.s.length;
		return rest;
	};
	return run(`filter (${value})`, value, (p) => p.opExpr(singleVal(p)));
}

export function parseLogicTree(op: string, value: string): LogicTree {
	return run(`logic tree (${value})`, op + value, (p) => p.logicTree());
}

export function parseOrder(value: string): OrderTerm[] {
	return run(`order (${value})`, value, (p) => p.order());
}

export function parseColumns(what: string, value: string): string[] {
	return run(`${what} parameter (${value})`, value, (p) => p.columns());
}

/**
 * http-types' `parseQueryReplacePlus True`: pairs split on '&' and ';', '+' decodes to a
 * space, bad percent escapes stay literal, bytes decode as UTF-8.
 */
export function decodeQueryString(raw: string): Array<{ key: string; value: string | null }> {
	const out: Array<{ key: string; value: string | null }> = [];
	for (const part of raw.split(/[&;]/)) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const key = urlDecode(eq === -1 ? part : part.slice(0, eq));
		const value = eq === -1 ? null : urlDecode(part.slice(eq + 1));
		out.push({ key, value });
	}
	return out;
}

function urlDecode(s: string): string {
	const bytes: number[] = [];
	const raw = Buffer.from(s, 'utf8');
	for (let i = 0; i < raw.length; i++) {
		const b = raw[i];
		if (b === 0x2b) bytes.push(0x20);
		else if (b === 0x25 && i + 2 < raw.length + 0 && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(raw[i + 1] ?? 0, raw[i + 2] ?? 0))) {
			bytes.push(parseInt(String.fromCharCode(raw[i + 1], raw[i + 2]), 16));
			i += 2;
		} else bytes.push(b);
	}
	return Buffer.from(bytes).toString('utf8');
}

const RESERVED = new Set(['select', 'columns', 'on_conflict']);
const RESERVED_EMBEDDABLE = new Set(['order', 'limit', 'offset', 'and', 'or']);

function lastSegment(key: string): string {
	const parts = key.split('.');
	return parts[parts.length - 1];
}

/** Parses a whole PostgREST query string (already stripped of gateway-only params). */
export function parseQuery(raw: string): ParsedQuery {
	const pairs = decodeQueryString(raw);
	const lookup = (k: string) => pairs.find((p) => p.key === k && p.value !== null)?.value ?? undefined;
	const nonEmpty = pairs.filter((p): p is { key: string; value: string } => p.value !== null);

	const selectRaw = lookup('select') ?? '*';
	const parsed: ParsedQuery = {
		select: parseSelect(selectRaw),
		filters: [],
		logic: [],
		order: [],
		ranges: new Map(),
	};
	const onConflict = lookup('on_conflict');
	if (onConflict !== undefined) parsed.onConflict = parseColumns('on_conflict', onConflict);
	const columns = lookup('columns');
	if (columns !== undefined) parsed.columns = parseColumns('columns', columns);

	const limits = new Map<string, number | undefined>();
	const offsets = new Map<string, number | undefined>();
	for (const { key, value } of nonEmpty) {
		const last = lastSegment(key);
		if (RESERVED.has(key)) continue;
		if (RESERVED_EMBEDDABLE.has(last)) {
			if (last === 'order') {
				parsed.order.push({ path: key.split('.').slice(0, -1), terms: parseOrder(value) });
			} else if (last === 'and' || last === 'or') {
				const segs = run(`logic path (${key})`, key, (p) => {
					const names = [p.fieldName()];
					while (p.lit('.')) names.push(p.fieldName());
					return names;
				});
				const op = segs[segs.length - 1];
				const negated = segs.includes('not');
				const path = segs.slice(0, -1).filter((s) => s !== 'not');
				parsed.logic.push({ path, tree: parseLogicTree(negated ? `not.${op}` : op, value) });
			} else {
				const embed = key.split('.').slice(0, -1).join('.');
				const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
				(last === 'limit' ? limits : offsets).set(embed, n);
			}
			continue;
		}
		const tree = run(`tree path (${key})`, key, (p) => p.treePath());
		const { negate, operation } = parseFilterValue(value);
		parsed.filters.push({ path: tree.path, filter: { field: tree.field, negate, operation } });
	}
	for (const embed of new Set([...limits.keys(), ...offsets.keys()])) {
		parsed.ranges.set(embed, { offset: offsets.get(embed) ?? 0, limit: limits.get(embed) });
	}
	return parsed;
}
