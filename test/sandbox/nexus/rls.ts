import { PUBLIC_TABLES } from './schema';

/**
 * Row-level security as Supabase sets it up. The engine's default user is a superuser and
 * bypasses RLS, so API requests run as the non-owner roles `anon` and `authenticated`
 * (`set_config('role', ...)` inside the request's transaction, like PostgREST).
 */

/** The organization of the request's JWT, as every policy reads it. */
export const ORG_CLAIM_SQL = `(nullif(current_setting('request.jwt.claims', true), '')::json->>'organization_id')::uuid`;

export const ROLES_SQL = `
do $do$
begin
	if not exists (select 1 from pg_roles where rolname = 'anon') then
		create role anon nologin noinherit;
	end if;
	if not exists (select 1 from pg_roles where rolname = 'authenticated') then
		create role authenticated nologin noinherit;
	end if;
end
$do$;
grant anon to current_user;
grant authenticated to current_user;
`;

export function rlsSql(): string {
	const lines: string[] = [
		'grant usage on schema public to anon, authenticated;',
		'grant usage on schema sandbox to anon, authenticated;',
		'grant usage, select on all sequences in schema sandbox to authenticated;',
		'grant execute on all functions in schema sandbox to anon, authenticated;',
		// Organizations are readable (own row only), never writable through the API.
		'grant select on public.organizations to authenticated;',
		'alter table public.organizations enable row level security;',
		`create policy organizations_own on public.organizations for select to authenticated using (id = ${ORG_CLAIM_SQL});`,
	];
	for (const table of PUBLIC_TABLES) {
		if (table === 'organizations') continue;
		lines.push(
			`grant select, insert, update, delete on public.${table} to authenticated;`,
			`alter table public.${table} enable row level security;`,
			`create policy ${table}_org_isolation on public.${table} for all to authenticated using (organization_id = ${ORG_CLAIM_SQL}) with check (organization_id = ${ORG_CLAIM_SQL});`,
		);
	}
	// `anon` gets no table privileges: an anonymous request answers 401 42501, as on Supabase.
	return lines.join('\n');
}
