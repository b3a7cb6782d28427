/** call-initiate: the PBX dials out and the call is logged in `call_logs`. */
import { randomUUID } from 'node:crypto';
import { EdgeError } from '../http';
import { type EdgeHandler, ok, optionalString, orgPlan, requirePhone, requireScope, rowJson, UUID_RE } from './common';

export const callInitiate: EdgeHandler = async (ctx) => {
	requireScope(ctx, 'write');
	const phone = requirePhone(ctx.body, 'phone_number');
	const extension = optionalString(ctx.body, 'extension') ?? '101';
	if (!/^[0-9]{2,6}$/.test(extension)) throw new EdgeError(400, 'validation_error', 'extension must be 2 to 6 digits');
	const customerId = optionalString(ctx.body, 'customer_id');
	if (customerId && !UUID_RE.test(customerId)) throw new EdgeError(400, 'validation_error', 'customer_id must be a UUID');
	return ctx.tx(async (q) => {
		const { plan, limits, pbxNumber } = await orgPlan(q);
		if (!limits.voip) {
			throw new EdgeError(403, 'plan_limit_exceeded', `VoIP calling is not available on the ${plan} plan (requires growth or higher)`, {}, { plan });
		}
		if (!pbxNumber) throw new EdgeError(409, 'pbx_not_configured', 'No PBX number is configured for this organization');
		const customer = customerId
			? (await q.query('select id from public.customers where id = $1::uuid', [customerId])).rows[0]
			: (await q.query('select id from public.customers where phone_number = $1 order by created_at limit 1', [phone])).rows[0];
		if (customerId && !customer) throw new EdgeError(404, 'customer_not_found', `Customer ${customerId} not found`);
		const uniqueId = `pbx-${randomUUID()}`;
		const call = rowJson(
			(
				await q.query(
					`insert into public.call_logs (organization_id, customer_id, unique_id, call_date, caller_number, called_number, extension, direction, status, duration_seconds, agent_notes)
					values ($1::uuid, $2::uuid, $3, sandbox.now_us(), $4, $5, $6, 'outbound', 'answered', 0, 'Initiated via API')
					returning row_to_json(call_logs.*)::text as row`,
					[ctx.orgId, customer ? customer.id : null, uniqueId, pbxNumber, phone, extension],
				)
			).rows[0].row,
		);
		return ok({
			success: true,
			call_id: call.id,
			unique_id: uniqueId,
			status: 'initiated',
			caller_number: pbxNumber,
			called_number: phone,
			extension,
			customer_id: call.customer_id,
			call_date: call.call_date,
		});
	});
};
