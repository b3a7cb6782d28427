import { serverErrorText } from '../../shared/failureAdvice';
import type { NexusCallSpec } from './transport';

/** Advice by PostgREST / Postgres error code; falls back to advice by status. */
export function adviceFor(status: number, code: string | undefined, spec: NexusCallSpec, tries: string): string | undefined {
	const what = spec.what ?? 'the requested row';
	switch (code) {
		case '23505':
			return 'Duplicate: a row with the same unique value already exists (see details). Update the existing row instead, or use a different value.';
		case '23503':
			return 'Missing reference: a referenced row (see details) does not exist in this organization. Check the id you linked to, e.g. customer_id, order_id or item_id.';
		case '23502':
			return 'A required column was left empty (see the message): fill it in.';
		case '42501':
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
		403: spec.writes
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
