/** agent-invite: invite, cancel, resend and list organization invitations. */
import { randomBytes } from 'node:crypto';
import type { SqlRunner } from '../db';
import { EdgeError } from '../http';
import { EMAIL_RE, type EdgeContext, type EdgeHandler, ok, optionalString, requireScope, requireUuid, rowJson } from './common';

const ROLES = ['admin', 'manager', 'member', 'viewer'];
const INVITE_DAYS = 7;

function intParam(ctx: EdgeContext, name: string, fallback: number): number {
	const raw = ctx.query.get(name) ?? (ctx.body[name] as unknown);
	if (raw === undefined || raw === null || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1) throw new EdgeError(400, 'validation_error', `${name} must be a positive integer`);
	return n;
}

async function list(ctx: EdgeContext) {
	const page = intParam(ctx, 'page', 1);
	const perPage = Math.min(100, intParam(ctx, 'per_page', 20));
	const status = ctx.query.get('status') ?? optionalString(ctx.body, 'status');
	return ctx.tx(async (q) => {
		const where = status ? 'where status = $1' : '';
		const params = status ? [status] : [];
		const total = Number((await q.query(`select count(*)::int as n from public.organization_invites ${where}`, params)).rows[0].n);
		const rows = await q.query(
			`select row_to_json(i.*)::text as row from (select id, organization_id, email, role, status, invited_by, expires_at, last_sent_at, resend_count, created_at, updated_at
				from public.organization_invites ${where} order by created_at desc, id limit ${status ? '$2' : '$1'}::int offset ${status ? '$3' : '$2'}::int) i`,
			[...params, perPage, (page - 1) * perPage],
		);
		return ok({
			data: rows.rows.map((r) => rowJson(r.row)),
			pagination: { page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) },
		});
	});
}

async function findInvite(q: SqlRunner, id: string) {
	const r = await q.query('select row_to_json(i.*)::text as row from public.organization_invites i where id = $1::uuid', [id]);
	if (!r.rows[0]) throw new EdgeError(404, 'invite_not_found', `Invite ${id} not found`);
	return rowJson(r.rows[0].row);
}

function publicInvite(row: Record<string, unknown>): Record<string, unknown> {
	const { token: _token, ...rest } = row;
	return rest;
}

export const agentInvite: EdgeHandler = async (ctx) => {
	const action = (optionalString(ctx.body, 'action') ?? ctx.query.get('action') ?? (ctx.req.method === 'GET' ? 'list' : undefined)) as string | undefined;
	if (!action) throw new EdgeError(400, 'validation_error', 'action is required (invite, cancel, resend or list)');
	switch (action) {
		case 'list':
			return list(ctx);
		case 'invite': {
			requireScope(ctx, 'write');
			const email = optionalString(ctx.body, 'email')?.trim().toLowerCase();
			if (!email) throw new EdgeError(400, 'validation_error', 'email is required');
			if (!EMAIL_RE.test(email)) throw new EdgeError(400, 'invalid_email', `${email} is not a valid email address`);
			const role = optionalString(ctx.body, 'role') ?? 'member';
			if (!ROLES.includes(role)) throw new EdgeError(400, 'invalid_role', `role must be one of ${ROLES.join(', ')}`);
			return ctx.tx(async (q) => {
				const dup = await q.query(`select id from public.organization_invites where lower(email) = $1 and status = 'pending' limit 1`, [email]);
				if (dup.rows[0]) throw new EdgeError(409, 'invite_exists', `A pending invite for ${email} already exists`, {}, { invite_id: dup.rows[0].id });
				const row = rowJson(
					(
						await q.query(
							`insert into public.organization_invites (organization_id, email, role, status, token, invited_by, expires_at, last_sent_at)
							values ($1::uuid, $2, $3, 'pending', $4, $5, sandbox.now_us() + make_interval(days => $6::int), sandbox.now_us())
							returning row_to_json(organization_invites.*)::text as row`,
							[ctx.orgId, email, role, randomBytes(24).toString('hex'), ctx.claims.sub, INVITE_DAYS],
						)
					).rows[0].row,
				);
				return ok({ success: true, invite: publicInvite(row), email_sent: true }, 201);
			});
		}
		case 'cancel':
		case 'resend': {
			requireScope(ctx, 'write');
			const id = requireUuid(ctx.body, 'invite_id');
			return ctx.tx(async (q) => {
				const invite = await findInvite(q, id);
				if (invite.status !== 'pending') {
					throw new EdgeError(409, 'invalid_invite_status', `Invite is ${String(invite.status)}, not pending`, {}, { status: invite.status });
				}
				const sql =
					action === 'cancel'
						? `update public.organization_invites set status = 'cancelled' where id = $1::uuid returning row_to_json(organization_invites.*)::text as row`
						: `update public.organization_invites set resend_count = resend_count + 1, last_sent_at = sandbox.now_us(),
							expires_at = sandbox.now_us() + make_interval(days => ${INVITE_DAYS}) where id = $1::uuid returning row_to_json(organization_invites.*)::text as row`;
				const row = rowJson((await q.query(sql, [id])).rows[0].row);
				return ok({ success: true, invite: publicInvite(row), ...(action === 'resend' ? { email_sent: true } : {}) });
			});
		}
		default:
			throw new EdgeError(400, 'invalid_action', `Unknown action '${action}' (expected invite, cancel, resend or list)`);
	}
};
