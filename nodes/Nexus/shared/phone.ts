/**
 * Phone numbers as Nexus stores them: E.164 (`+201234567890`). Users type them in every local
 * shape, so they are normalised before they reach a filter or an edge function.
 */

export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * `+20 123 456-7890`, `0020 1234567890`, `(+20) 1234567890` → `+201234567890`; a national
 * number (`01234567890`) needs `defaultCountryCode` (`20` or `+20`). Answers undefined when the
 * text cannot be made into a valid E.164 number.
 */
export function toE164(input: unknown, defaultCountryCode?: string): string | undefined {
	if (typeof input !== 'string' && typeof input !== 'number') return undefined;
	let text = String(input).trim();
	if (text === '') return undefined;
	// Letters (extensions, words) make the number ambiguous.
	if (/[A-Za-z]/.test(text)) return undefined;
	text = text.replace(/[\s().\-/]/g, '');
	let digits: string;
	if (text.startsWith('+')) digits = text.slice(1);
	else if (text.startsWith('00')) digits = text.slice(2);
	else {
		const country = (defaultCountryCode ?? '').replace(/^\+/, '').trim();
		if (!/^[1-9]\d{0,3}$/.test(country)) return undefined;
		const national = text.replace(/^0+/, '');
		digits = national.startsWith(country) && text.length - national.length === 0 ? national : `${country}${national}`;
	}
	if (!/^\d+$/.test(digits)) return undefined;
	const e164 = `+${digits}`;
	return E164.test(e164) ? e164 : undefined;
}
