import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkWholeNumber } from '../../shared/numbers';
import { quoteValue } from '../../shared/quote';

/**
 * Checks of what the user entered, run before anything is sent: a wrong value stops the node
 * with an error naming the field, and Nex never sees the request.
 */

export type InputContext = Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>;

export function invalidInput(context: Pick<InputContext, 'getNode'>, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { description });
}

function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : String(value);
}

/**
 * Reads an optional field, e.g. `additionalFields.dueDate` (a collection's field that was not
 * added is absent, not empty); undefined when not set or blank.
 */
export function optionalParameter(context: InputContext, parameter: string): unknown {
	const [top, ...rest] = parameter.split('.');
	let value = context.getNodeParameter(top, undefined) as unknown;
	for (const key of rest) {
		value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	}
	return value === '' || value === null ? undefined : value;
}

/** A required text parameter that must not be blank. */
export function requireText(context: InputContext, parameter: string, label: string): string {
	const value = asText(context.getNodeParameter(parameter, '') as unknown);
	if (value.trim() === '') {
		throw invalidInput(context, `${label} is empty`, `Enter the ${label} (or an expression that gives it).`);
	}
	return value;
}

const INTEGER_ID = /^\d{1,19}$/;

/** A number beyond 2^53 was rounded before the node saw it: the id it stood for is lost. */
function refuseInexactNumber(context: Pick<InputContext, 'getNode'>, value: unknown, label: string): void {
	if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
		throw invalidInput(
			context,
			`${label} is a number above 2^53 (${quoteValue(value)}), which was rounded before the node saw it`,
			'Pass the id as text (quote it in the expression, or read it from a field that holds it as text): as a number its last digits are lost. Nothing was sent.',
		);
	}
}

/** An id Nex types as an integer (records, connections, artifacts), given as digits. */
export function checkIntegerId(context: Pick<InputContext, 'getNode'>, value: unknown, label: string): string {
	refuseInexactNumber(context, value, label);
	const text = asText(value).trim();
	if (text === '') {
		throw invalidInput(context, `${label} is empty`, `Enter the ${label} (or an expression that gives it).`);
	}
	if (!INTEGER_ID.test(text)) {
		throw invalidInput(
			context,
			`${label} ${quoteValue(text)} is not a valid id`,
			`${label} must be the numeric id Nex gives (digits only), e.g. "32710180831586561".`,
		);
	}
	return text;
}

/** An integer-id parameter (a resource locator's value is read too). */
export function requireIntegerId(context: InputContext, parameter: string, label: string): string {
	return checkIntegerId(context, context.getNodeParameter(parameter, '', { extractValue: true }), label);
}

/** Splits "1, 2,3" (or takes an array) into trimmed, non-empty strings. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(asText) : asText(value).split(',');
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** A list of integer ids (comma-separated text or an array). */
export function checkIdList(context: Pick<InputContext, 'getNode'>, value: unknown, label: string): string[] {
	for (const entry of Array.isArray(value) ? value : [value]) refuseInexactNumber(context, entry, label);
	const ids = splitList(value);
	for (const id of ids) {
		if (!INTEGER_ID.test(id)) {
			throw invalidInput(
				context,
				`${label} contains ${quoteValue(id)}, which is not a valid id`,
				`${label} must be numeric ids (digits only), separated by commas.`,
			);
		}
	}
	return ids;
}

/** A whole number within [min, max] (the rule every count of both nodes follows). */
export function checkIntegerInRange(
	context: Pick<InputContext, 'getNode'>,
	value: unknown,
	label: string,
	min: number,
	max?: number,
): number {
	return checkWholeNumber(context.getNode(), value, label, min, max);
}

const HAS_ZONE = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (0 for an unknown zone). */
function zoneOffsetMs(ms: number, timeZone: string): number {
	try {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(new Date(ms));
		const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
		const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
		return asUtc - Math.floor(ms / 1000) * 1000;
	} catch {
		return 0;
	}
}

/**
 * A date-time as RFC 3339 in UTC (`2026-03-01T09:00:00.000Z`), or undefined when it is not a date.
 * Text without an offset (as n8n's date picker gives) is read in the workflow's time zone.
 */
export function toRfc3339(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const withToIso = value as { toISO?: () => string | null } | null;
	if (withToIso && typeof withToIso === 'object' && typeof withToIso.toISO === 'function') {
		return toRfc3339(withToIso.toISO() ?? '', timeZone);
	}
	const text = asText(value).trim();
	if (text === '') return undefined;
	if (HAS_ZONE.test(text)) {
		if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/.test(text)) return undefined;
		const ms = Date.parse(text.replace(' ', 'T'));
		return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
	}
	const match = WALL_TIME.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '0'] = match;
	const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, millis);
	const check = new Date(wall);
	if (check.getUTCMonth() !== +month - 1 || check.getUTCDate() !== +day || +hour > 23 || +minute > 59 || +second > 59) {
		return undefined;
	}
	const firstGuess = wall - zoneOffsetMs(wall, timeZone);
	return new Date(wall - zoneOffsetMs(firstGuess, timeZone)).toISOString();
}

/** A date-time value as RFC 3339 UTC, or an error naming the field. */
export function checkDateTime(
	context: Pick<InputContext, 'getNode'> & Pick<IExecuteSingleFunctions, 'getTimezone'>,
	value: unknown,
	label: string,
): string {
	const converted = toRfc3339(value, context.getTimezone());
	if (converted === undefined) {
		throw invalidInput(
			context,
			`${label} ${quoteValue(asText(value))} is not a valid date and time`,
			`Enter a date and time such as "2026-03-01T09:00:00Z" (without an offset it is read in the workflow's time zone).`,
		);
	}
	return converted;
}

type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

function targetOf(requestOptions: IHttpRequestOptions, location: 'body' | 'qs'): IDataObject {
	const current = requestOptions[location];
	if (!current || typeof current !== 'object' || Array.isArray(current)) requestOptions[location] = {};
	return requestOptions[location] as IDataObject;
}

/**
 * Sends a date-time parameter as RFC 3339 UTC in field `property` of the body or query. A value
 * that is not a date is left as typed: the operation's input check rejects it before anything is sent.
 */
export function sendDateTime(parameter: string, property: string, location: 'body' | 'qs' = 'body'): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '') as unknown;
		targetOf(requestOptions, location)[property] = toRfc3339(value, this.getTimezone()) ?? (value as string);
		return requestOptions;
	};
}

/** Sends a comma-separated (or array) parameter as an array of strings in body field `property`. */
export function sendList(parameter: string, property: string): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		targetOf(requestOptions, 'body')[property] = splitList(this.getNodeParameter(parameter, '') as unknown);
		return requestOptions;
	};
}
