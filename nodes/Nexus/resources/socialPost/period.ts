import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { checkDateTime } from '../../../shared/dateTime';
import { asText, invalidInput, optionalParameter } from '../../../shared/parameters';
import { quoteValue } from '../../../shared/quote';
import { SOCIAL_PLATFORMS } from './fields';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * A day (YYYY-MM-DD) from a date field: the date as written, so a date picked in the editor stays
 * that day whatever the time zone; an error naming the field otherwise.
 */
function readDay(context: IExecuteSingleFunctions, value: unknown, label: string): string {
	const text = asText(value).trim();
	const match = DAY.exec(text);
	if (match === null || new Date(`${match[0]}T00:00:00Z`).getUTCDate() !== Number(match[3])) throw invalidInput(context, `${label} ${quoteValue(text)} is not a valid date`, 'Enter a date such as "2026-03-01".');
	return match[0];
}

const PERIOD_HINTS = {
	day: { from: 'First day counted; empty: 30 days before To', to: 'Last day counted; empty: today' },
	instant: {
		from: "Start; empty: 7 days ago. Without an offset it is read in the workflow's time zone",
		to: "End; empty: 30 days ahead. Without an offset it is read in the workflow's time zone",
	},
};

/** The Filters collection: From, To (days for analytics, instants for the calendar), Platform and `extra`. */
export function periodFilters(unit: 'day' | 'instant', extra: INodeProperties[] = []): INodeProperties {
	const options: INodeProperties[] = [
		{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: PERIOD_HINTS[unit].from },
		{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: PERIOD_HINTS[unit].to },
		{ displayName: 'Platform', name: 'platform', type: 'options', options: SOCIAL_PLATFORMS, default: 'instagram' },
	];
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: [...options, ...extra] };
}

/**
 * The `from`, `to` and `platform` arguments from the Filters collection, From and To as days or as
 * instants; From after To is refused.
 */
export function readPeriodFilters(context: IExecuteSingleFunctions, unit: 'day' | 'instant'): IDataObject {
	const period: Record<string, string> = {};
	for (const [key, label] of [['from', 'From'], ['to', 'To']] as const) {
		const value = optionalParameter(context, `filters.${key}`);
		if (value === undefined) continue;
		period[key] = unit === 'day' ? readDay(context, value, label) : checkDateTime(context, value, label);
	}
	if (period.from !== undefined && period.to !== undefined && Date.parse(period.from) > Date.parse(period.to)) {
		throw invalidInput(context, `From (${period.from}) is after To (${period.to})`, 'Choose a From that comes before To.');
	}
	const platform = optionalParameter(context, 'filters.platform');
	return platform === undefined ? period : { ...period, platform: asText(platform) };
}
