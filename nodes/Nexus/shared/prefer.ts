import type { IDataObject } from 'n8n-workflow';

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

/** Headers combined, later wins, except `Prefer`: its values are merged. */
export function mergeHeaders(...headers: Array<IDataObject | undefined>): IDataObject {
	const combined = Object.assign({}, ...headers.map((entry) => entry ?? {})) as IDataObject;
	const prefer = mergePrefer(...headers.map((entry) => entry?.Prefer));
	if (prefer) combined.Prefer = prefer;
	else delete combined.Prefer;
	return combined;
}
