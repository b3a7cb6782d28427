import type { ParameterContext } from '../../shared/context';
import type { PathId } from '../../shared/executor';

/**
 * The first line of a Nex error, in the user's words: what happened. The status and Nex's own
 * text lead the details. Nex's 400 and 409 messages already say what was wrong in plain words
 * ("Object with slug … already exists"), so they stay the headline.
 */
export function nexHeadline(
	status: number,
	vendorMessage: string,
	spec: { scope?: string; notFound?: string },
	ids: Array<{ label: string; value: string }>,
): string {
	const what = spec.notFound ?? 'item';
	switch (status) {
		case 401:
			return 'Nex rejected the API key';
		case 403:
			return spec.scope ? `The Nex API key lacks the "${spec.scope}" scope` : 'Nex refused this request for this API key';
		case 404:
			if (ids.length === 1) return `No ${what} with id ${ids[0].value}`;
			if (ids.length > 1) return `No ${what} found for ${ids.map((id) => `${id.label} ${id.value}`).join(', ')}`;
			return `The ${what} was not found`;
		case 410:
			return 'The connection attempt expired';
		case 429:
			return 'Nex is rate limiting this key';
	}
	if (status >= 500) return 'Nex had a server error';
	return vendorMessage !== '' ? vendorMessage : `Nex answered with status ${status}`;
}

/** The path ids the request used, as the user gave them; unreadable ones are left out. */
export function pathIdValues(context: ParameterContext, pathIds: PathId[] | undefined): Array<{ label: string; value: string }> {
	const values: Array<{ label: string; value: string }> = [];
	for (const pathId of pathIds ?? []) {
		try {
			const value = context.getNodeParameter(pathId.parameter, '', { extractValue: true }) as unknown;
			if ((typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') {
				values.push({ label: pathId.label, value: String(value).trim() });
			}
		} catch {
			// A parameter this operation does not have: leave it out.
		}
	}
	return values;
}
