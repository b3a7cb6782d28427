import { serverErrorText } from '../../shared/failureAdvice';
import type { NexusCallSpec } from './transport';

// The scope model: "write" is read + create + update; only "admin" (full access) deletes.
const DELETE_SCOPE =
	'Permission denied: deleting needs an agent API key with the "admin" scope ("write" only reads, creates and updates), and a plan that allows it (the free plan is read-only).';

/** Advice by PostgREST / Postgres error code; falls back to advice by status. */
export function adviceFor(status: number, code: string | undefined, spec: NexusCallSpec, tries: string): string | undefined {
	const what = spec.what ?? 'the requested row';
	switch (code) {
		case '23505':
			return 'Duplicate: a row with the same unique value already exists (see details). Update the existing row instead, or use a different value.';
		case '23503':
			return 'Missing reference: a referenced row (see details) does not exist in this organization. Check the id you linked to, e.g. customer_id, order_id or item_id.';
		case '42P10':
			return 'No unique constraint covers the column(s) chosen under "Update If Exists, Matching On": choose a column Nexus keeps unique, or leave the option empty to insert.';
		case '23502':
			return 'A required column was left empty (see the message): fill it in.';
		case '42501':
			if (spec.deletes) return DELETE_SCOPE;
			return spec.writes
				? 'Permission denied: the agent API key cannot write here. Writing needs a key with the "write" or "admin" scope, and the organization\'s plan must allow writes (the free plan is read-only).'
				: 'Permission denied: the agent API key or the organization\'s plan does not allow reading this table.';
		case 'plan_limit_exceeded':
			return 'The organization\'s Nexus plan does not allow this: the free plan is read-only and paid plans have usage limits. Upgrade the plan in Nexus, or check the usage with Organization → Get Usage.';
		case 'PGRST116':
			return `Expected exactly one row of ${what}, but the filter matched none (or several). Check the id or the filter, and that the row belongs to this organization.`;
		case 'PGRST205':
			return 'Unknown table: check the table name (see the hint for the closest match). Table names are lower case, e.g. orders, order_items, customers, stock_balances.';
		case 'PGRST204':
		case '42703':
			return 'Unknown column: check the column name against the Nexus schema (e.g. order_status, not status; qty, not quantity; phone_number, not phone).';
		case 'PGRST100':
			return 'PostgREST could not parse the query: check the raw filter and the sort fields.';
		case 'PGRST103':
			return 'The requested range is past the last row.';
		case '22P02':
			return 'A value has the wrong type for its column (e.g. an id that is not a UUID, or text in a number column): check the values.';
		case 'rate_limit_exceeded':
			return `Nexus is rate limiting this organization${tries} (100 requests per minute, 20 for bulk operations): wait a minute, lower the batch size, or raise "Max Retries" under Request Options.`;
	}
	const byStatus: Record<number, string> = {
		400: 'Nexus rejected the request as invalid: check the fields named in the message.',
		401: 'The credential was rejected even after exchanging the agent API key for a new token: check the Agent API Key (it may be revoked or expired) and the Anon (Public) Key in the Nexus API credential.',
		403: spec.deletes
			? DELETE_SCOPE
			: spec.writes
			? 'Permission denied: writing needs an agent API key with the "write" or "admin" scope, and a plan that allows writes (the free plan is read-only).'
			: 'Permission denied: check the agent API key\'s scope and the organization\'s plan.',
		404: `${what.charAt(0).toUpperCase()}${what.slice(1)} was not found: check the id or name, and that it belongs to this organization.`,
		406: `Expected exactly one row of ${what}, but found none or several.`,
		409: 'The write conflicts with existing data (duplicate or missing reference): see the details.',
		429: `Nexus is rate limiting this organization${tries}: wait a minute, lower the batch size, or raise "Max Retries" under Request Options.`,
	};
	if (byStatus[status] !== undefined) return byStatus[status];
	if (status < 500) return undefined;
	return serverErrorText('Nexus', spec.safeToRepeat, tries);
}

/** PostgREST's own codes and Postgres SQLSTATEs; anything else in `code` comes from an edge function. */
const POSTGREST_CODE = /^(PGRST\d+|[0-9A-Z]{5})$/;

/**
 * The first line of an error, in the user's words: what happened, not the vendor's code. The
 * code and the vendor's text lead the details. An edge function's message already says what
 * happened in plain words ("Messaging is not available on the free plan"), so it is kept.
 */
export function headlineFor(
	status: number,
	code: string | undefined,
	vendorMessage: string,
	spec: NexusCallSpec,
	facts: { id?: string; details?: string } = {},
): string {
	const what = spec.what ?? 'row';
	const theWhat = /^(table|rows)\b/.test(what) ? what : `the ${what}`;
	const anWhat = /^(table|rows)\b/.test(what) ? what : `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}`;
	const several = facts.details !== undefined && /\b([2-9]|\d{2,}) rows\b/.test(facts.details);
	switch (code) {
		case 'PGRST116':
			if (several) return `Several rows matched where one ${what} was expected`;
			return facts.id ? `No ${what} with id ${facts.id}` : `No ${what}`;
		case '23505':
			return `${capitalized(anWhat)} with the same unique value already exists`;
		case '23503':
			return `${capitalized(theWhat)} refer${/s$/.test(what) ? '' : 's'} to a row that does not exist`;
		case '23502':
			return `A required field of ${theWhat} is empty`;
		case '42501': {
			// "permission denied for table organizations"
			const table = /\bfor table "?([\w.]+)"?/.exec(vendorMessage)?.[1];
			const subject = table ? `table "${table}"` : theWhat;
			return spec.writes ? `Nexus does not allow this key to write ${subject}` : `Nexus does not allow this key to read ${subject}`;
		}
		case 'PGRST205': {
			// "Could not find the table 'public.ordrs' in the schema cache"
			const table = /\btable '(?:public\.)?([^']+)'/.exec(vendorMessage)?.[1];
			return table ? `Nexus has no table "${table}"` : 'Nexus has no such table';
		}
		case 'PGRST204':
		case '42703':
			return 'Nexus does not know a column named in the request';
		case 'PGRST100':
			return 'Nexus could not read the filter or sort';
		case 'PGRST103':
			return 'The requested page is past the last row';
		case '22P02':
			return 'A value has the wrong type for its column';
		case 'PGRST301':
		case 'PGRST303':
			return 'Nexus rejected the credential';
		case 'rate_limit_exceeded':
			return 'Nexus is rate limiting this organization';
	}
	if (code !== undefined && !POSTGREST_CODE.test(code) && vendorMessage !== '' && status < 500) return vendorMessage;
	if (status >= 500) return 'Nexus had a server error';
	const byStatus: Record<number, string> = {
		400: 'Nexus rejected the request as invalid',
		401: 'Nexus rejected the credential',
		403: spec.writes ? `Nexus does not allow this key to write ${theWhat}` : `Nexus does not allow this key to read ${theWhat}`,
		404: facts.id ? `No ${what} with id ${facts.id}` : `${capitalized(theWhat)} was not found`,
		406: facts.id ? `No ${what} with id ${facts.id}` : `No ${what}`,
		409: `The write of ${theWhat} conflicts with existing data`,
		429: 'Nexus is rate limiting this organization',
	};
	return byStatus[status] ?? `Nexus answered with status ${status}`;
}

function capitalized(text: string): string {
	return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
