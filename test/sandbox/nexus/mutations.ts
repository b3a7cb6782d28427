/**
 * Changes to the data made between two requests of one listing: "once request N to table T
 * was answered, run this mutation". The mutation runs after the matching request's answer was
 * computed and before it is sent, so the client cannot ask for its next page before the change
 * is committed: the insert or delete lands exactly between two pages.
 */

export interface MutationSpec {
	/** Only requests with this method (upper case) count. */
	method?: string;
	/** Only requests whose path (without query) contains this text count. */
	pathIncludes?: string;
	/** Let this many matching answered requests pass first (default 0: run after the first). */
	skip?: number;
	/** Superuser SQL to run (the control endpoint's form). */
	sql?: string;
	params?: unknown[];
	/** The mutation itself, for tests in the same process (e.g. `() => sandbox.seedOrders(...)`). */
	run?: () => Promise<unknown>;
}

interface PendingMutation {
	spec: MutationSpec;
	skip: number;
}

export class MutationHooks {
	private pendingMutations: PendingMutation[] = [];

	/** Mutations run so far (for tests that must know the change happened). */
	applied = 0;

	constructor(private readonly runSql: (sql: string, params: unknown[]) => Promise<unknown>) {}

	add(spec: MutationSpec): void {
		if (!spec.sql && !spec.run) throw new Error('a mutation needs sql or run');
		this.pendingMutations.push({ spec, skip: spec.skip ?? 0 });
	}

	clear(): void {
		this.pendingMutations = [];
	}

	pending(): Array<Omit<MutationSpec, 'run'> & { run?: 'function' }> {
		return this.pendingMutations.map(({ spec, skip }) => ({
			method: spec.method,
			pathIncludes: spec.pathIncludes,
			skip,
			sql: spec.sql,
			params: spec.params,
			...(spec.run ? { run: 'function' as const } : {}),
		}));
	}

	/** Called once a request was answered: runs (and removes) every mutation now due. */
	async afterAnswer(method: string, path: string): Promise<void> {
		const due: MutationSpec[] = [];
		for (const pending of this.pendingMutations) {
			const { spec } = pending;
			if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) continue;
			if (spec.pathIncludes && !path.includes(spec.pathIncludes)) continue;
			if (pending.skip > 0) {
				pending.skip--;
				continue;
			}
			due.push(spec);
		}
		if (!due.length) return;
		this.pendingMutations = this.pendingMutations.filter((pending) => !due.includes(pending.spec));
		for (const spec of due) {
			if (spec.run) await spec.run();
			else await this.runSql(spec.sql as string, spec.params ?? []);
			this.applied++;
		}
	}
}
