/**
 * The entries of a list parameter: a multi-select gives an array, an expression may give
 * comma-separated text; anything else has no entries. Entries are returned as given (untrimmed).
 */
export function listEntries(raw: unknown): unknown[] {
	return Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
}
