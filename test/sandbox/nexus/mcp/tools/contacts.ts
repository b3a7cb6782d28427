/** Contacts: the `customers` table, so a contact made by a tool is the row PostgREST serves. */
import { orgPlan } from '../../edge-functions/common';
import { type Args, count, insertRow, listing, notFound, one, PAGE_PROPS, pick, s, ToolError, type ToolDef, updateRow, Where } from '../toolkit';

const FIELDS = ['first_name', 'last_name', 'email', 'phone_number', 'address', 'customer_label', 'journey_stage_id', 'lead_source_id', 'assigned_to', 'customer_score', 'tags', 'notes', 'next_follow_up'] as const;

const FIELD_PROPS = {
	first_name: s.str('First name'),
	last_name: s.str('Last name'),
	email: s.str('Email address', { format: 'email' }),
	phone_number: s.str('Phone in E.164, for example +201234567890', { pattern: '^\\+[1-9][0-9]{6,14}$' }),
	address: s.object({ line1: s.str('Street'), line2: s.str('Apartment, floor'), city: s.str('City'), country: s.str('Country') }),
	customer_label: s.str('Free-text label'),
	journey_stage_id: s.uuid('customer_journey_stages.id'),
	lead_source_id: s.uuid('lead_sources.id'),
	assigned_to: s.str('User id as text'),
	customer_score: s.int('Score', 0),
	tags: s.strings('Tags'),
	notes: s.str('Notes'),
	next_follow_up: s.dateTime('Next follow-up time'),
};

export const contactTools: ToolDef[] = [
	{
		name: 'nexus_list_contacts',
		description: 'List contacts (customers), newest first. Optional search on name, email and phone.',
		access: 'read',
		inputSchema: s.object({ search: s.str('Matches first name, last name, email or phone'), journey_stage_id: s.uuid('Only this journey stage'), tag: s.str('Only contacts with this tag'), ...PAGE_PROPS }),
		run: (ctx, args) =>
			ctx.tx((q) => {
				const w = new Where()
					.add(`(first_name ilike ? or last_name ilike ? or email ilike ? or phone_number ilike ? or (first_name || ' ' || last_name) ilike ?)`, args.search === undefined ? undefined : `%${String(args.search)}%`)
					.add('journey_stage_id = ?::uuid', args.journey_stage_id)
					.add('? = any(tags)', args.tag);
				return listing(q, `select * from public.customers ${w}`, w.params, 'created_at desc, id', args);
			}),
	},
	{
		name: 'nexus_get_contact',
		description: 'Get one contact by id.',
		access: 'read',
		inputSchema: s.object({ contact_id: s.uuid('customers.id') }, ['contact_id']),
		run: (ctx, args) =>
			ctx.tx(async (q) => (await one(q, 'select * from public.customers where id = $1::uuid', [args.contact_id])) ?? Promise.reject(notFound('Contact', args.contact_id))),
	},
	{
		name: 'nexus_create_contact',
		description: 'Create a contact (customers row). Counts against the plan\'s contact limit.',
		access: 'write',
		inputSchema: s.object(FIELD_PROPS, ['first_name']),
		run: (ctx, args) =>
			ctx.tx(async (q) => {
				const { plan, limits } = await orgPlan(q);
				const used = await count(q, 'select 1 from public.customers');
				if (limits.contacts !== null && used >= limits.contacts) {
					throw new ToolError('plan_limit_exceeded', `Contact limit reached (${used}/${limits.contacts}) on the ${plan} plan`);
				}
				return insertRow(q, 'customers', { organization_id: ctx.orgId, ...pick(args, FIELDS) });
			}),
	},
	{
		name: 'nexus_update_contact',
		description: 'Update a contact: only the fields given change.',
		access: 'write',
		inputSchema: s.object({ contact_id: s.uuid('customers.id'), ...FIELD_PROPS }, ['contact_id'], { minProperties: 2 }),
		run: (ctx, args: Args) =>
			ctx.tx(async (q) => (await updateRow(q, 'customers', String(args.contact_id), pick(args, FIELDS))) ?? Promise.reject(notFound('Contact', args.contact_id))),
	},
];
