/**
 * Inventory: `items` with stock totals from `stock_balances`. Some databases have no `name`
 * column: the tools then synthesize one from description / item_no / sku (as the vendor says).
 */
import { listing, notFound, one, PAGE_PROPS, rows, s, ToolError, type ToolDef, Where } from '../toolkit';

/** `name` read through to_jsonb so the query works with or without the column. */
const NAME = `coalesce(to_jsonb(i)->>'name', i.description, i.item_no, i.sku)`;

const ITEM_WITH_STOCK = `select to_jsonb(i) || jsonb_build_object('name', ${NAME},
		'stock', jsonb_build_object(
			'quantity', coalesce((select sum(quantity) from public.stock_balances b where b.item_id = i.id), 0),
			'reserved_quantity', coalesce((select sum(reserved_quantity) from public.stock_balances b where b.item_id = i.id), 0),
			'available_quantity', coalesce((select sum(available_quantity) from public.stock_balances b where b.item_id = i.id), 0))) as item,
		i.created_at, i.updated_at, i.id
	from public.items i`;

export const inventoryTools: ToolDef[] = [
	{
		name: 'nexus_list_inventory',
		description: 'List inventory items with their stock totals across warehouses.',
		access: 'read',
		inputSchema: s.object({
			search: s.str('Matches name, description, item_no, sku or barcode'),
			category: s.str('Only this category'),
			is_active: s.bool('Only active (true) or inactive (false) items'),
			low_stock: s.bool('Only items whose available stock is below min_stock_level'),
			...PAGE_PROPS,
		}),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const w = new Where()
					.add(`(${NAME} ilike ? or i.description ilike ? or i.item_no ilike ? or i.sku ilike ? or i.barcode ilike ?)`, args.search === undefined ? undefined : `%${String(args.search)}%`)
					.add('i.category = ?', args.category)
					.add('i.is_active = ?::boolean', args.is_active);
				if (args.low_stock === true) w.raw('coalesce((select sum(available_quantity) from public.stock_balances b where b.item_id = i.id), 0) < i.min_stock_level');
				const page = await listing(q, `${ITEM_WITH_STOCK} ${w}`, w.params, 'updated_at desc, id', args);
				return { ...page, data: (page.data as Array<{ item: unknown }>).map((r) => r.item) };
			}),
	},
	{
		name: 'nexus_check_stock',
		description: 'Stock of one item (by item_id or sku) per warehouse: quantity, reserved and available.',
		access: 'read',
		inputSchema: s.object({ item_id: s.uuid('items.id'), sku: s.str('Item SKU'), warehouse_id: s.uuid('Only this warehouse') }),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				if (!args.item_id && !args.sku) throw new ToolError('validation_error', 'item_id or sku is required');
				const found = args.item_id
					? await one(q, `${ITEM_WITH_STOCK} where i.id = $1::uuid`, [args.item_id])
					: await one(q, `${ITEM_WITH_STOCK} where i.sku = $1 order by i.created_at limit 1`, [args.sku]);
				if (!found) throw notFound('Item', args.item_id ?? args.sku);
				const item = found.item as Record<string, unknown>;
				const w = new Where().add('b.item_id = ?::uuid', item.id).add('b.warehouse_id = ?::uuid', args.warehouse_id);
				const balances = await rows(
					q,
					`select b.warehouse_id, wh.name as warehouse_name, b.quantity, b.reserved_quantity, b.available_quantity, b.last_updated
					from public.stock_balances b join public.warehouses wh on wh.id = b.warehouse_id ${w} order by wh.name, b.warehouse_id`,
					w.params,
				);
				const sum = (k: string) => balances.reduce((n, b) => n + Number(b[k]), 0);
				const available = sum('available_quantity');
				return {
					item_id: item.id,
					sku: item.sku,
					name: item.name,
					min_stock_level: item.min_stock_level,
					balances,
					totals: { quantity: sum('quantity'), reserved_quantity: sum('reserved_quantity'), available_quantity: available },
					below_min_stock: available < Number(item.min_stock_level),
				};
			}),
	},
];
