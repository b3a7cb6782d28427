/**
 * The order-to-ship workflow of the vendor's agent API reference:
 *
 *   pending --PATCH--> confirmed --start-picking--> (pick list in_progress, order stays confirmed)
 *   --complete-pick--> (pick list completed, stock deducted, order stays confirmed)
 *   --PATCH--> fulfilling --create-awb-bosta--> shipped (AWB + status log, orders.awb_number)
 */
import type { SqlRunner } from '../db';
import { EdgeError } from '../http';
import { type EdgeHandler, ok, optionalString, randomToken, requireScope, requireUuid, rowJson } from './common';

async function loadOrder(q: SqlRunner, orderId: string): Promise<Record<string, unknown>> {
	const r = await q.query(`select row_to_json(o.*)::text as row from public.orders o where id = $1::uuid`, [orderId]);
	if (!r.rows[0]) throw new EdgeError(404, 'order_not_found', `Order ${orderId} not found`);
	return rowJson(r.rows[0].row);
}

export const startPicking: EdgeHandler = async (ctx) => {
	requireScope(ctx, 'write');
	const orderId = requireUuid(ctx.body, 'order_id');
	return ctx.tx(async (q) => {
		const order = await loadOrder(q, orderId);
		if (order.order_status !== 'confirmed') {
			throw new EdgeError(409, 'invalid_order_status', `Order must be confirmed to start picking (current status: ${String(order.order_status)})`, {}, {
				order_status: order.order_status,
			});
		}
		const open = await q.query(`select id, status from public.pick_lists where order_id = $1::uuid and status <> 'cancelled' limit 1`, [orderId]);
		if (open.rows[0]) {
			throw new EdgeError(409, 'pick_list_exists', `Order already has a ${String(open.rows[0].status)} pick list`, {}, { pick_list_id: open.rows[0].id });
		}
		const warehouse = (await q.query(`select id from public.warehouses where is_active order by created_at, id limit 1`)).rows[0];
		const pickList = rowJson(
			(
				await q.query(
					`insert into public.pick_lists (organization_id, order_id, warehouse_id, status, assigned_to, started_at)
					values ($1::uuid, $2::uuid, $3::uuid, 'in_progress', $4, sandbox.now_us())
					returning row_to_json(pick_lists.*)::text as row`,
					[ctx.orgId, orderId, warehouse ? warehouse.id : null, ctx.claims.sub],
				)
			).rows[0].row,
		);
		const items = await q.query(
			`insert into public.pick_list_items (organization_id, pick_list_id, order_item_id, item_id, sku, name, qty_required)
			select $1::uuid, $2::uuid, oi.id, oi.item_id, oi.sku, oi.name, oi.qty from public.order_items oi where oi.order_id = $3::uuid
			order by oi.created_at, oi.id
			returning row_to_json(pick_list_items.*)::text as row`,
			[ctx.orgId, pickList.id, orderId],
		);
		// Reserve the stock being picked in the pick list's warehouse.
		await q.query(
			`update public.stock_balances sb set reserved_quantity = sb.reserved_quantity + x.qty, last_updated = sandbox.now_us()
			from (select item_id, sum(qty_required)::int as qty from public.pick_list_items where pick_list_id = $1::uuid and item_id is not null group by item_id) x
			where sb.item_id = x.item_id and sb.warehouse_id = $2::uuid`,
			[pickList.id, pickList.warehouse_id],
		);
		return ok({
			success: true,
			pick_list_id: pickList.id,
			pick_list: { ...pickList, items: items.rows.map((r) => rowJson(r.row)) },
			order: { id: orderId, order_status: order.order_status },
		});
	});
};

export const completePick: EdgeHandler = async (ctx) => {
	requireScope(ctx, 'write');
	const pickListId = requireUuid(ctx.body, 'pick_list_id');
	return ctx.tx(async (q) => {
		const found = await q.query(`select row_to_json(p.*)::text as row from public.pick_lists p where id = $1::uuid`, [pickListId]);
		if (!found.rows[0]) throw new EdgeError(404, 'pick_list_not_found', `Pick list ${pickListId} not found`);
		const pickList = rowJson(found.rows[0].row);
		if (pickList.status !== 'in_progress') {
			throw new EdgeError(409, 'invalid_pick_list_status', `Pick list is ${String(pickList.status)}, not in_progress`, {}, { status: pickList.status });
		}
		const items = await q.query(
			`update public.pick_list_items set qty_picked = qty_required where pick_list_id = $1::uuid returning row_to_json(pick_list_items.*)::text as row`,
			[pickListId],
		);
		await q.query(
			`update public.stock_balances sb set quantity = greatest(0, sb.quantity - x.qty),
				reserved_quantity = greatest(0, sb.reserved_quantity - x.qty), last_updated = sandbox.now_us()
			from (select item_id, sum(qty_picked)::int as qty from public.pick_list_items where pick_list_id = $1::uuid and item_id is not null group by item_id) x
			where sb.item_id = x.item_id and sb.warehouse_id = $2::uuid`,
			[pickListId, pickList.warehouse_id],
		);
		const done = rowJson(
			(
				await q.query(
					`update public.pick_lists set status = 'completed', completed_at = sandbox.now_us() where id = $1::uuid returning row_to_json(pick_lists.*)::text as row`,
					[pickListId],
				)
			).rows[0].row,
		);
		const order = await loadOrder(q, String(pickList.order_id));
		return ok({
			success: true,
			pick_list: { ...done, items: items.rows.map((r) => rowJson(r.row)) },
			order: { id: order.id, order_status: order.order_status },
		});
	});
};

export const createAwbBosta: EdgeHandler = async (ctx) => {
	requireScope(ctx, 'write');
	const orderId = requireUuid(ctx.body, 'order_id');
	const pickupRaw = optionalString(ctx.body, 'pickup_date');
	let pickupDate: string;
	if (pickupRaw) {
		if (!/^\d{4}-\d{2}-\d{2}/.test(pickupRaw) || Number.isNaN(Date.parse(pickupRaw))) {
			throw new EdgeError(400, 'validation_error', 'pickup_date must be an ISO 8601 date, for example 2026-03-05');
		}
		pickupDate = new Date(pickupRaw).toISOString();
	} else {
		const d = new Date(ctx.now());
		d.setUTCDate(d.getUTCDate() + 1);
		d.setUTCHours(9, 0, 0, 0);
		pickupDate = d.toISOString();
	}
	return ctx.tx(async (q) => {
		const order = await loadOrder(q, orderId);
		const existing = await q.query(`select awb_number from public.awbs where order_id = $1::uuid and status not in ('returned', 'failed') limit 1`, [orderId]);
		if (existing.rows[0]) {
			throw new EdgeError(409, 'awb_already_exists', `Order already has AWB ${String(existing.rows[0].awb_number)}`, {}, { awb_number: existing.rows[0].awb_number });
		}
		if (order.order_status !== 'fulfilling') {
			throw new EdgeError(409, 'invalid_order_status', `Order must be fulfilling to create an AWB (current status: ${String(order.order_status)})`, {}, {
				order_status: order.order_status,
			});
		}
		const digits = randomToken(10, '0123456789');
		const awb = rowJson(
			(
				await q.query(
					`insert into public.awbs (organization_id, awb_number, order_id, courier_name, courier_tracking_number, status, pickup_date, shipping_cost)
					values ($1::uuid, $2, $3::uuid, 'bosta', $4, 'created', $5::timestamptz, $6::numeric)
					returning row_to_json(awbs.*)::text as row`,
					[ctx.orgId, `BST${digits}`, orderId, digits, pickupDate, '65.00'],
				)
			).rows[0].row,
		);
		await q.query(
			`insert into public.awb_status_logs (organization_id, awb_id, status, location, notes) values ($1::uuid, $2::uuid, 'created', 'Bosta', 'AWB created with Bosta')`,
			[ctx.orgId, awb.id],
		);
		const updated = rowJson(
			(
				await q.query(
					`update public.orders set order_status = 'shipped', awb_number = $2 where id = $1::uuid returning row_to_json(orders.*)::text as row`,
					[orderId, awb.awb_number],
				)
			).rows[0].row,
		);
		return ok({
			success: true,
			awb_number: awb.awb_number,
			awb,
			order: { id: updated.id, order_status: updated.order_status, awb_number: updated.awb_number, updated_at: updated.updated_at },
		});
	});
};
