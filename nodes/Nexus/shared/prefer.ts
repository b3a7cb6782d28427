/** `Prefer` header values merged into one (`return=representation, count=exact`), each once. */
export function mergePrefer(...values: Array<unknown>): string | undefined {
	const parts: string[] = [];
	for (const value of values) {
		if (typeof value !== 'string') continue;
		for (const part of value.split(',')) {
			const trimmed = part.trim();
			if (trimmed !== '' && !parts.includes(trimmed)) parts.push(trimmed);
		}
	}
	return parts.length ? parts.join(', ') : undefined;
}
