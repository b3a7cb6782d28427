import type { NodeRef, ParameterContext } from './context';
import { asText, invalidInput, parameterText, splitList } from './parameters';
import { quoteValue } from './quote';

/**
 * Ids of a fixed form, checked before anything is sent. Nex types record, list and connection
 * ids as integers; it is served from Postgres through Go, so they are signed 64-bit (bigint):
 * at most 19 digits, up to 9223372036854775807. Nexus ids are UUIDs.
 */

const INT64_MAX = 9223372036854775807n;
const DIGITS = /^\d{1,19}$/;

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is an integer id: digits only, within a signed 64-bit integer. */
export function isIntegerId(text: string): boolean {
	return DIGITS.test(text) && BigInt(text) <= INT64_MAX;
}

/** A number beyond 2^53 was rounded before the node saw it: the id it stood for is lost. */
export function refuseInexactNumber(context: NodeRef, value: unknown, label: string): void {
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw invalidInput(
			context,
			`${label} is a number above 2^53 (${quoteValue(value)}), which was rounded before the node saw it`,
			'Pass the id as text (quote it in the expression, or read it from a field that holds it as text): as a number its last digits are lost. Nothing was sent.',
		);
	}
}

/** An integer id given as digits (a number above 2^53 is refused: it was rounded). */
export function checkIntegerId(context: NodeRef, value: unknown, label: string): string {
	refuseInexactNumber(context, value, label);
	const text = asText(value).trim();
	if (text === '') {
		throw invalidInput(context, `${label} is empty`, `Enter the ${label} (or an expression that gives it).`);
	}
	if (!isIntegerId(text)) {
		throw invalidInput(
			context,
			`${label} ${quoteValue(text)} is not a valid id`,
			`${label} must be the numeric id Nex gives (digits only), e.g. "32710180831586561".`,
		);
	}
	return text;
}

/** A list of integer ids (comma-separated text or an array). */
export function checkIdList(context: NodeRef, value: unknown, label: string): string[] {
	for (const entry of Array.isArray(value) ? value : [value]) refuseInexactNumber(context, entry, label);
	const ids = splitList(value);
	for (const id of ids) {
		if (!isIntegerId(id)) {
			throw invalidInput(
				context,
				`${label} contains ${quoteValue(id)}, which is not a valid id`,
				`${label} must be numeric ids (digits only), separated by commas.`,
			);
		}
	}
	return ids;
}

/** Integer-id parameters (a resource locator gives its value) that are set: digits only, so a name or URL never reaches the API. */
export function assertIntegerIds(context: ParameterContext, ids: Array<{ parameter: string; label: string }>): void {
	for (const { parameter, label } of ids) {
		const value = parameterText(context, parameter);
		if (value !== '') checkIntegerId(context, value, label);
	}
}

/** An integer-id parameter (a resource locator's value is read too). */
export function requireIntegerId(context: ParameterContext, parameter: string, label: string): string {
	return checkIntegerId(context, context.getNodeParameter(parameter, '', { extractValue: true }), label);
}
