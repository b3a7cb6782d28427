/**
 * A value as it may appear in an error message: quoted, control characters escaped, and at most a
 * short prefix of a long value. Errors are stored with the execution and shown in a toast; a
 * megabyte pasted into a field must not come back as a megabyte of error.
 */

export const QUOTED_PREFIX_LENGTH = 40;

export function quoteValue(value: unknown, maxLength = QUOTED_PREFIX_LENGTH): string {
	let text: string;
	if (typeof value === 'string') text = value;
	else if (value === undefined) text = 'undefined';
	else if (typeof value === 'bigint') text = value.toString();
	else {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = String(value);
		}
	}
	const characters = [...text];
	if (characters.length <= maxLength) return JSON.stringify(text);
	const prefix = characters.slice(0, maxLength).join('');
	return `${JSON.stringify(prefix)}… (${characters.length} characters)`;
}
