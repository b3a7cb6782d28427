import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { NodeRef } from './context';
import { asText, invalidInput } from './parameters';
import { quoteValue } from './quote';

/** Date-times the user enters, sent as RFC 3339 in UTC. */

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
	context: NodeRef & Pick<IExecuteSingleFunctions, 'getTimezone'>,
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
