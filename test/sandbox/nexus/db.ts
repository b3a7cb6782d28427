/**
 * The Postgres engine behind the Nexus sandbox: PGlite (in-process, single connection).
 *
 * It is a single connection, so every caller goes through `SerialDb`, which runs one unit
 * of work at a time: API transactions can never interleave.
 */
export interface QueryResult {
	rows: Record<string, unknown>[];
	affectedRows: number;
}

export interface SqlRunner {
	/** One statement, `$1..$n` parameters sent out of band (never spliced into the text). */
	query(sql: string, params?: unknown[]): Promise<QueryResult>;
	/** Several statements without parameters (schema scripts). */
	exec(sql: string): Promise<void>;
}

export interface SqlEngine extends SqlRunner {
	readonly kind: 'pglite';
	close(): Promise<void>;
}

/** A Postgres error with the fields PostgREST copies into its error body. */
export class PgError extends Error {
	constructor(
		readonly code: string,
		message: string,
		readonly detail: string | null = null,
		readonly hint: string | null = null,
	) {
		super(message);
		this.name = 'PgError';
	}
}

export function toPgError(error: unknown): PgError | undefined {
	if (error instanceof PgError) return error;
	if (error && typeof error === 'object' && 'code' in error) {
		const e = error as { code?: unknown; message?: unknown; detail?: unknown; hint?: unknown };
		if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
			return new PgError(
				e.code,
				typeof e.message === 'string' ? e.message : 'database error',
				typeof e.detail === 'string' ? e.detail : null,
				typeof e.hint === 'string' ? e.hint : null,
			);
		}
	}
	return undefined;
}

/** Type OIDs whose text form we keep as-is (timestamps keep their microseconds). */
const KEEP_TEXT_OIDS = [1082, 1083, 1114, 1184, 1266, 1700];

export interface PgliteTemplate {
	/** Changes whenever the schema script changes (part of the cache file name). */
	key: string;
	/** Creates the schema on a fresh database. */
	build: (q: SqlRunner) => Promise<void>;
}

function wrapPglite(db: import('@electric-sql/pglite').PGlite): SqlEngine {
	return {
		kind: 'pglite',
		async query(sql, params) {
			try {
				const r = await db.query<Record<string, unknown>>(sql, (params ?? []) as unknown[]);
				return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
			} catch (error) {
				throw toPgError(error) ?? error;
			}
		},
		async exec(sql) {
			try {
				await db.exec(sql);
			} catch (error) {
				throw toPgError(error) ?? error;
			}
		},
		async close() {
			if (!db.closed) await db.close();
		},
	};
}

/**
 * Opens PGlite. With a `template` and no `dataDir`, the schema is built once and its data
 * directory cached in the OS temp folder: later starts load that snapshot instead of running
 * initdb and the schema script again (a several-fold faster cold start).
 * `schemaReady` tells whether the schema already exists.
 */
export async function openPglite(opts: { dataDir?: string; template?: PgliteTemplate } = {}): Promise<{ engine: SqlEngine; schemaReady: boolean }> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
	const parsers: Record<number, (x: string) => unknown> = {};
	for (const oid of KEEP_TEXT_OIDS) parsers[oid] = (x: string) => x;
	parsers[20] = (x: string) => {
		const n = Number(x);
		return Number.isSafeInteger(n) ? n : x;
	};
	if (opts.dataDir || !opts.template) {
		const db = new PGlite({ dataDir: opts.dataDir, parsers });
		await db.waitReady;
		return { engine: wrapPglite(db), schemaReady: false };
	}
	const { existsSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } = await import('node:fs');
	const { join } = await import('node:path');
	const { tmpdir } = await import('node:os');
	const cacheFile = join(tmpdir(), `nexus-sandbox-pglite-${opts.template.key}.tar`);
	if (existsSync(cacheFile)) {
		try {
			const db = new PGlite({ loadDataDir: new Blob([readFileSync(cacheFile)]), parsers });
			await db.waitReady;
			await db.query('select 1 from sandbox.meta');
			return { engine: wrapPglite(db), schemaReady: true };
		} catch {
			try {
				unlinkSync(cacheFile);
			} catch {
				// another process replaced it
			}
		}
	}
	const db = new PGlite({ parsers });
	await db.waitReady;
	const engine = wrapPglite(db);
	await opts.template.build(engine);
	try {
		const dump = await db.dumpDataDir('none');
		const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
		writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
		renameSync(tmp, cacheFile);
		// Snapshots of older schema versions are dead weight.
		for (const name of readdirSync(tmpdir())) {
			if (/^nexus-sandbox-pglite-[0-9a-f]+\.tar$/.test(name) && join(tmpdir(), name) !== cacheFile) unlinkSync(join(tmpdir(), name));
		}
	} catch {
		// The cache is an optimisation only.
	}
	return { engine, schemaReady: true };
}

/** Runs units of work one at a time on a single-connection engine. */
export class SerialDb {
	private tail: Promise<unknown> = Promise.resolve();

	constructor(readonly engine: SqlEngine) {}

	exclusive<T>(fn: (q: SqlRunner) => Promise<T>): Promise<T> {
		const run = this.tail.then(() => fn(this.engine));
		this.tail = run.catch(() => undefined);
		return run;
	}

	/**
	 * One transaction. `settings` become transaction-local GUCs (`role`, `request.jwt.claims`,
	 * ...), exactly as PostgREST sets them with `set_config(name, value, true)`.
	 */
	transaction<T>(settings: Record<string, string>, fn: (q: SqlRunner) => Promise<T>): Promise<T> {
		return this.exclusive(async (q) => {
			await q.exec('begin');
			try {
				const names = Object.keys(settings);
				if (names.length) {
					const calls = names.map((_, i) => `set_config($${i * 2 + 1}, $${i * 2 + 2}, true)`);
					await q.query(`select ${calls.join(', ')}`, names.flatMap((n) => [n, settings[n]]));
				}
				const result = await fn(q);
				await q.exec('commit');
				return result;
			} catch (error) {
				await q.exec('rollback').catch(() => undefined);
				throw error;
			}
		});
	}
}
