import { sameInstant } from '../shared/instants';
import { isAfterCursor, type KeysetCursor, type RowMemory } from './cursor';
import type { RowSeen } from './watchedSource';

/**
 * What one scan has read so far, so that a row read twice in the same scan is judged against its
 * first reading, not against the state saved before the scan.
 *
 * A row changed after its page was read gets a newer timestamp and is read again further on in
 * the same scan. That second reading is:
 * - the same version (same id, same instant: a server whose order or filter disagreed with ours):
 *   nothing to emit;
 * - a change of what this scan saw: not new (it was read before), and its previous value is the
 *   one read earlier in the scan.
 *
 * Lives only as long as the scan: a failed poll emits nothing and saves nothing, so its readings
 * are dropped with it and the next poll judges every row against the saved state again. Holds one
 * entry per row read, like the items the poll hands to n8n; nothing of it is saved.
 */
export class ScanMemory {
	private readonly readings = new Map<string, { at: string; value: string | undefined }>();

	/**
	 * @param cursor where the scan started (the saved cursor): rows created after it are new.
	 * @param before the values remembered when the scan started.
	 */
	constructor(
		private readonly cursor: KeysetCursor | null,
		private readonly before: RowMemory,
	) {}

	/**
	 * Records a reading of row `id` at instant `at` with `value` (the remembered column), and
	 * answers what was known of the row before it; undefined when this reading repeats one
	 * already made in this scan (nothing changed: emit nothing).
	 */
	read(id: string, at: string, createdAt: unknown, value: string | undefined): RowSeen | undefined {
		const earlier = this.readings.get(id);
		this.readings.set(id, { at, value });
		if (earlier) return sameInstant(earlier.at, at) ? undefined : { isNew: false, previous: earlier.value };
		return {
			isNew: typeof createdAt === 'string' && isAfterCursor(createdAt, id, this.cursor),
			previous: this.before.get(id),
		};
	}

	/** Every row read, at the instant of its last reading. */
	rows(): Array<{ id: string; at: string }> {
		return [...this.readings].map(([id, { at }]) => ({ id, at }));
	}
}
