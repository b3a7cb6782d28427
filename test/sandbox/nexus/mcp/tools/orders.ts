/** Orders: `orders` with `order_status`, line items in `order_items` (`qty`). */
import { monthStart, orgPlan } from '../../edge-functions/common';
import { count, insertRow, listing, notFound, one, PAGE_PROPS, rows, s, ToolError, type ToolDef, updateRow, Where } from '../toolkit';

const STATUS_HELP = 'Order status: pending, confirmed, fulfilling, shipped, delivered or cancelled';

interface LineItem {
	item_id?: string;
	sku?: string;
	name?: string;
	barcode?: string;
	qty: number;
	unit_price?: number;
}

export const orderTools: ToolDef[] = [
	{
		name: 'nexus_list_orders',
		description: 'List orders, newest first.',
		access: 'read',
		inputSchema: s.object({
			order_status: s.str(STATUS_HELP),
			customer_id: s.uuid('Only orders of this contact'),
			created_after: s.dateTime('Only orders created at or after this time'),
			...PAGE_PROPS,
		}),
		run: (ctx, args) =>
			ctx.tx((q) => {
				const w = new Where().add('order_status = ?', args.order_status).add('customer_id = ?::uuid', args.customer_id).add('created_at >= ?::timestamptz', args.created_after);
				return listing(q, `select * from public.orders ${w}`, w.params, 'created_at desc, id', args);
			}),
	},
	{
		name: 'nexus_get_order',
		description: 'Get one order with its line items (order_items).',
		access: 'read',
		inputSchema: s.object({ order_id: s.uuid('orders.id') }, ['order_id']),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const order = await one(q, 'select * from public.orders where id = $1::uuid', [args.order_id]);
				if (!order) throw notFound('Order', args.order_id);
				return { ...order, order_items: await rows(q, 'select * from public.order_items where order_id = $1::uuid order by created_at, id', [args.order_id]) };
			}),
	},
	{
		name: 'nexus_create_order',
		description: 'Create an order (status pending unless given) with optional line items. The total is the sum of the items when not given.',
		access: 'write',
		inputSchema: s.object({
			customer_id: s.uuid('customers.id'),
			order_status: s.str(STATUS_HELP),
			order_number: s.str('Order number (generated when absent)'),
			currency: s.str('Currency code, default USD'),
			total_amount: s.num('Total amount'),
			items: {
				type: 'array',
				description: 'Line items (order_items rows)',
				items: s.object({ item_id: s.uuid('items.id'), sku: s.str('SKU'), name: s.str('Product name'), barcode: s.str('Barcode'), qty: s.int('Quantity', 1), unit_price: s.num('Unit price') }, ['qty']),
			},
		}),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const { plan, limits } = await orgPlan(q);
				if (limits.ordersPerMonth !== null) {
					const used = await count(q, 'select 1 from public.orders where created_at >= $1::timestamptz', [monthStart(new Date().toISOString())]);
					if (used >= limits.ordersPerMonth) throw new ToolError('plan_limit_exceeded', `Monthly order limit reached (${used}/${limits.ordersPerMonth}) on the ${plan} plan`);
				}
				const items = (args.items as LineItem[] | undefined) ?? [];
				const total = args.total_amount ?? items.reduce((sum, i) => sum + i.qty * (i.unit_price ?? 0), 0);
				const order = await insertRow(q, 'orders', {
					organization_id: ctx.orgId,
					...(args.customer_id ? { customer_id: args.customer_id } : {}),
					...(args.order_number ? { order_number: args.order_number } : {}),
					...(args.currency ? { currency: args.currency } : {}),
					order_status: args.order_status ?? 'pending',
					total_amount: total,
					items: items.map((i) => ({ sku: i.sku ?? null, name: i.name ?? null, qty: i.qty, price: i.unit_price ?? null })),
				});
				const orderItems = [];
				for (const item of items) orderItems.push(await insertRow(q, 'order_items', { organization_id: ctx.orgId, order_id: order.id, ...item }));
				return { ...order, order_items: orderItems };
			}),
	},
	{
		name: 'nexus_update_order_status',
		description: 'Set an order\'s order_status.',
		access: 'write',
		inputSchema: s.object({ order_id: s.uuid('orders.id'), order_status: s.str(STATUS_HELP, { minLength: 1 }) }, ['order_id', 'order_status']),
		run: (ctx, args) =>
			ctx.tx(async (q) => (await updateRow(q, 'orders', String(args.order_id), { order_status: args.order_status })) ?? Promise.reject(notFound('Order', args.order_id))),
	},
];
