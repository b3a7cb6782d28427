import { buildInsight } from './insights';
import { insertNote } from './routes/notes';
import { addNotification, insertRule } from './routes/notifications';
import { freshIntegrations } from './routes/integrations';
import { insertTask } from './routes/tasks';
import { listItemPayload, type NexStore } from './store';
import { rfc3339 } from './time';
import type { ObjectDef, RecordEntity, TaskPriority } from './types';

/** Realistic demo data (`seedDemo`) and fast bulk seeding for tests (`seedBulk`). */

const DAY = 86_400_000;

function defineSchema(store: NexStore, t0: number): { person: ObjectDef; company: ObjectDef; deal: ObjectDef } {
	const a = store.newAttribute.bind(store);
	const company = store.addObject(
		{ slug: 'company', name: 'Company', namePlural: 'Companies', type: 'company', description: 'An organization' },
		[
			a('name', 'Name', 'text', { is_required: true }),
			a('domains', 'Domains', 'domain', { is_multi_value: true, is_unique: true }),
			a('industries', 'Industries', 'select', {
				is_multi_value: true,
				select_options: ['Technology', 'Financial Services', 'Healthcare', 'Retail', 'Manufacturing', 'Venture Capital'].map((name) => ({
					id: store.ids.nextString(),
					name,
				})),
			}),
			a('employee_count', 'Employee count', 'number', { is_whole_number: true }),
			a('website', 'Website', 'url'),
			a('description', 'Description', 'text'),
		],
		t0,
	);
	const person = store.addObject(
		{ slug: 'person', name: 'Person', namePlural: 'People', type: 'person', description: 'A contact or person' },
		[
			a('name', 'Name', 'full_name', { is_required: true }),
			a('email_addresses', 'Email addresses', 'email', { is_multi_value: true, is_unique: true }),
			a('phone_numbers', 'Phone numbers', 'phone', { is_multi_value: true }),
			a('job_title', 'Job title', 'text'),
			a('location', 'Location', 'location'),
			a('linkedin', 'LinkedIn', 'social_profile'),
			a('description', 'Description', 'text'),
		],
		t0,
	);
	const deal = store.addObject(
		{ slug: 'deal', name: 'Deal', namePlural: 'Deals', type: 'deal', description: 'A sales opportunity' },
		[
			a('name', 'Name', 'text', { is_required: true }),
			a('amount', 'Amount', 'currency'),
			a('stage', 'Stage', 'select', {
				select_options: ['Lead', 'Qualified', 'Proposal', 'Won', 'Lost'].map((name) => ({ id: store.ids.nextString(), name })),
			}),
			a('close_date', 'Close date', 'date'),
		],
		t0,
	);
	return { person, company, deal };
}

const COMPANIES: [string, string, string[], number][] = [
	['Acme Corp', 'acme.com', ['Manufacturing'], 1200],
	['TechFlow', 'techflow.io', ['Technology'], 85],
	['Globex Financial', 'globex.com', ['Financial Services'], 5400],
	['Umbrella Health', 'umbrella-health.com', ['Healthcare'], 830],
	['Müller & Söhne GmbH', 'mueller-soehne.de', ['Retail', 'Manufacturing'], 240],
	['Sequoia Capital', 'sequoiacap.com', ['Venture Capital'], 150],
];

const PEOPLE: [string, string, string, string, number][] = [
	['Alice', 'Johnson', 'alice@techflow.io', 'Product Manager', 1],
	['Marcus', 'Rodriguez', 'marcus@techflow.io', 'Head of Operations', 1],
	['Zoë', 'Müller', 'zoe.mueller@mueller-soehne.de', 'Geschäftsführerin', 4],
	['José', 'Álvarez', 'jose.alvarez@globex.com', 'VP Finance', 2],
	['Sarah', 'Chen', 'sarah@acme.com', 'VP Engineering', 0],
	['Bob', 'Wilson', 'bob@acme.com', 'Founder', 0],
	['Priya', 'Natarajan', 'priya.n@umbrella-health.com', 'CTO', 3],
	['健二', '渡辺', 'kenji.watanabe@globex.com', 'Data Platform Lead', 2],
	['Liam', 'O’Connor', 'liam.oconnor@sequoiacap.com', 'Partner', 5],
	['Fatima', 'Al-Sayed', 'fatima@umbrella-health.com', 'Procurement Director', 3],
	['Olivia', 'Brown', 'olivia.brown@acme.com', 'Account Executive', 0],
	['Ana Lúcia', 'Ferreira', 'ana.ferreira@techflow.io', 'Customer Success Lead', 1],
];

/** The demo workspace every sandbox starts with (unless `seed: false`). */
export function seedDemo(store: NexStore, now = store.now()): void {
	const t0 = now - 45 * DAY;
	const { person, company, deal } = defineSchema(store, t0);
	store.integrations = freshIntegrations();
	const companies = COMPANIES.map(([name, domain, industries, employees], i) =>
		store.insertRecord(
			company,
			{ name, domains: [domain], industries, employee_count: employees, website: `https://${domain}` },
			t0 + (i + 1) * DAY,
		),
	);
	const people = PEOPLE.map(([first, last, email, title, companyIndex], i) =>
		store.insertRecord(
			person,
			{
				name: { first_name: first, last_name: last },
				email_addresses: [email],
				job_title: title,
				phone_numbers: [{ country_code: 1, number: `55501${String(10 + i).padStart(5, '0')}` }],
				linkedin: { username: `${first}${last}`.toLowerCase().normalize('NFKD').replace(/[^a-z]/g, '') || `member${i}`, url: 'https://linkedin.com/in/demo' },
				description: `Works at ${COMPANIES[companyIndex][0]}`,
			},
			t0 + (10 + i) * DAY,
		),
	);
	[
		['TechFlow expansion', 48000, 'Proposal', '2026-06-30'],
		['Globex renewal', 125000, 'Qualified', '2026-09-15'],
		['Umbrella pilot', 18000, 'Won', '2026-03-01'],
	].map(([name, amount, stage, close], i) =>
		store.insertRecord(
			deal,
			{ name, amount: { amount, currency_code: 'USD' }, stage, close_date: close },
			t0 + (25 + i) * DAY,
		),
	);

	const worksAt = store.ids.next();
	store.relationshipDefs.set(worksAt.toString(), {
		id: worksAt,
		type: 'many_to_many',
		definition1Id: person.id,
		definition2Id: company.id,
		predicate12: 'works at',
		predicate21: 'employs',
		createdAt: rfc3339(t0),
	});
	PEOPLE.forEach((p, i) => {
		const id = store.ids.next();
		store.relationships.set(id.toString(), {
			id,
			definitionId: worksAt,
			entity1Id: people[i].id,
			entity2Id: companies[p[4]].id,
			createdAt: rfc3339(t0 + (11 + i) * DAY),
		});
	});

	const vip = store.addList(person, { slug: 'vip-contacts', name: 'VIP Contacts', description: 'High-value contacts' }, t0 + 30 * DAY);
	[1, 3, 6].forEach((i, n) =>
		store.upsertListEntry(vip, people[i], { status: n === 0 ? 'qualified' : 'new', score: 70 + n * 8, source: 'website' }, t0 + (31 + n) * DAY),
	);
	const pipeline = store.addList(company, { slug: 'enterprise-pipeline', name: 'Enterprise Pipeline' }, t0 + 30 * DAY);
	[2, 3].forEach((i, n) => store.upsertListEntry(pipeline, companies[i], { stage: 'evaluation' }, t0 + (32 + n) * DAY));

	const taskSpecs: [string, TaskPriority, number, boolean][] = [
		['Follow up with Marcus about the demo', 'high', 1, false],
		['Send the security questionnaire to Umbrella', 'urgent', 6, false],
		['Prepare renewal pricing for Globex', 'medium', 3, false],
		['Schedule onboarding call with Zoë', 'low', 2, true],
		['Share case study with Alice', 'unspecified', 0, false],
		['Intro Liam to the product team', 'medium', 8, true],
		['Review contract redlines from Fatima', 'high', 9, false],
		['Book dinner at the partner summit', 'low', 4, false],
	];
	taskSpecs.forEach(([title, priority, who, done], i) =>
		insertTask(
			store,
			{
				title,
				priority,
				entityIds: [people[who].id.toString()],
				assigneeIds: ['32414268188027649'],
				dueDate: rfc3339(now + (i - 2) * DAY).replace(/\.\d+Z$/, 'Z'),
				isCompleted: done,
			},
			now - (10 - i) * DAY,
		),
	);
	const noteSpecs: [string, string, number][] = [
		['Discovery call', 'Marcus wants SSO and audit logs before the pilot. Budget owner is the COO.', 1],
		['Renewal risk', 'José mentioned a competing offer that is 15% cheaper.', 3],
		['Kickoff notes', 'Zoë confirmed the rollout plan — 3 stores first, then all 24.', 2],
		['Security review', 'Priya needs the SOC 2 report and the data-processing agreement.', 6],
		['Partner summit', 'Liam offered intros to two portfolio companies.', 8],
	];
	noteSpecs.forEach(([title, content, who], i) =>
		insertNote(store, { title, content, entityId: people[who].id.toString() }, now - (8 - i) * DAY),
	);

	// 25 insights over the last three days (the stream replays the latest 20); a few within the hour.
	// Every demo record gets at least one (people are listed first, so they get two).
	const targets = [...people, ...companies];
	for (let i = 0; i < 25; i++) {
		const ms = i < 20 ? now - 3 * DAY + i * 3 * 3_600_000 : now - (25 - i) * 600_000;
		store.storeInsights([buildInsight(store, { target: { entity_id: targets[i % targets.length].id } }, ms)]);
	}

	const gmail = store.integrations.find((i) => i.type === 'email' && i.provider === 'google');
	gmail?.connections.push({ id: store.ids.next(), status: 'active', identifier: 'demo.user@acme.com' });

	for (let i = 0; i < 6; i++) addNotification(store, { type: i === 5 ? 'digest' : 'context_alert', status: i < 3 ? 'read' : 'unread' }, now - (6 - i) * 8 * 3_600_000);
	insertRule(store, 'Tell me when a customer mentions a competitor or asks about pricing', now - 20 * DAY);
	insertRule(store, 'Notify me about deals over $50k that have had no activity for a week', now - 12 * DAY);
}

// ---- bulk seeding ---------------------------------------------------------------------------------

export interface RecordSeed {
	/** Object slug, e.g. "person". */
	object: string;
	count: number;
	/** List id or slug to add every new record to. */
	list?: string;
}

export interface SeedSpec {
	records?: RecordSeed | RecordSeed[];
	tasks?: number | { count: number; entityId?: string };
	notes?: number | { count: number; entityId?: string };
	timeline?: { recordId: string; count: number } | { recordId: string; count: number }[];
	insights?: number;
	notifications?: number;
}

export interface SeedResult {
	records: { object: string; ids: string[] }[];
	tasks: string[];
	notes: string[];
	timeline: { recordId: string; count: number }[];
	insights: number;
	notifications: string[];
}

const FIRST = ['Ava', 'Ben', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca', 'Maya', 'Noah', 'Oskar', 'Pia', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Wen', 'Yara', 'Zeynep'];
const LAST = ['Adler', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Silva', 'Tanaka', 'Novák'];
const WORDS = ['Blue', 'North', 'Quantum', 'Bright', 'Iron', 'Cedar', 'Nova', 'Vertex', 'Harbor', 'Summit', 'Atlas', 'Pioneer'];
const SUFFIXES = ['Labs', 'Systems', 'Partners', 'Group', 'Technologies', 'Ventures'];

function ascii(s: string): string {
	return s.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

const FIRST_ASCII = FIRST.map(ascii);
const LAST_ASCII = LAST.map(ascii);

function bulkAttributes(object: ObjectDef, slugs: Set<string>, n: number): Record<string, unknown> {
	if (object.type === 'person' || object.slug === 'person') {
		const i = n % FIRST.length;
		const j = Math.floor(n / FIRST.length) % LAST.length;
		const attrs: Record<string, unknown> = { name: { first_name: FIRST[i], last_name: LAST[j] } };
		if (slugs.has('email_addresses')) attrs.email_addresses = [`${FIRST_ASCII[i]}.${LAST_ASCII[j]}.${n}@example.com`];
		if (slugs.has('job_title')) attrs.job_title = ['Engineer', 'Designer', 'Account Executive', 'CFO', 'Analyst'][n % 5];
		return attrs;
	}
	if (object.type === 'company' || object.slug === 'company') {
		const name = `${WORDS[n % WORDS.length]} ${SUFFIXES[Math.floor(n / WORDS.length) % SUFFIXES.length]} ${n}`;
		const attrs: Record<string, unknown> = { name };
		if (slugs.has('domains')) attrs.domains = [`${ascii(name)}.com`];
		return attrs;
	}
	return { name: `${object.name} #${n + 1}` };
}

/** Bulk data for tests: 20,000 records take well under a second. Throws Error on bad input. */
export function seedBulk(store: NexStore, spec: SeedSpec, now = store.now()): SeedResult {
	const result: SeedResult = { records: [], tasks: [], notes: [], timeline: [], insights: 0, notifications: [] };
	for (const r of spec.records === undefined ? [] : Array.isArray(spec.records) ? spec.records : [spec.records]) {
		const object = store.objectBySlug(r.object);
		if (!object) throw new Error(`seed: unknown object "${r.object}"`);
		const list = r.list
			? [...store.lists.values()].find((l) => l.id.toString() === r.list || l.slug === r.list)
			: undefined;
		if (r.list && !list) throw new Error(`seed: unknown list "${r.list}"`);
		const base = store.recordsByObject.get(object.id.toString())?.size ?? 0;
		const ids: string[] = [];
		const slugs = new Set(object.attributes.map((a) => a.slug));
		for (let i = 0; i < r.count; i++) {
			const record = store.insertRecord(object, bulkAttributes(object, slugs, base + i), now - r.count + i);
			if (list) store.upsertListEntry(list, record, {}, now - r.count + i);
			ids.push(record.id.toString());
		}
		result.records.push({ object: object.slug, ids });
	}

	const people = () => {
		const person = store.objectBySlug('person');
		const out: string[] = [];
		for (const id of store.recordsByObject.get(person?.id.toString() ?? '') ?? []) {
			out.push(id);
			if (out.length >= 500) break;
		}
		return out;
	};

	if (spec.tasks !== undefined) {
		const { count, entityId } = typeof spec.tasks === 'number' ? { count: spec.tasks, entityId: undefined } : spec.tasks;
		if (entityId && !store.records.has(entityId)) throw new Error(`seed: unknown record ${entityId}`);
		const pool = entityId ? [entityId] : people();
		const priorities: TaskPriority[] = ['unspecified', 'low', 'medium', 'high', 'urgent'];
		for (let i = 0; i < count; i++) {
			const task = insertTask(
				store,
				{
					title: `Task ${i + 1}: ${['Call', 'Email', 'Review', 'Prepare', 'Send'][i % 5]} ${['proposal', 'contract', 'invoice', 'deck', 'notes'][i % 5]}`,
					priority: priorities[i % priorities.length],
					entityIds: pool.length > 0 ? [pool[i % pool.length]] : [],
					isCompleted: i % 3 === 2,
				},
				now - count + i,
			);
			result.tasks.push(task.id.toString());
		}
	}

	if (spec.notes !== undefined) {
		const { count, entityId } = typeof spec.notes === 'number' ? { count: spec.notes, entityId: undefined } : spec.notes;
		if (entityId && !store.records.has(entityId)) throw new Error(`seed: unknown record ${entityId}`);
		const pool = entityId ? [entityId] : people();
		for (let i = 0; i < count; i++) {
			const note = insertNote(
				store,
				{ title: `Note ${i + 1}`, content: `Bulk note ${i + 1}`, entityId: pool.length > 0 ? pool[i % pool.length] : undefined },
				now - count + i,
			);
			result.notes.push(note.id.toString());
		}
	}

	for (const t of spec.timeline === undefined ? [] : Array.isArray(spec.timeline) ? spec.timeline : [spec.timeline]) {
		const record = store.records.get(String(t.recordId));
		if (!record) throw new Error(`seed: unknown record ${t.recordId}`);
		seedTimeline(store, record, t.count, now);
		result.timeline.push({ recordId: record.id.toString(), count: t.count });
	}

	if (spec.insights) {
		for (let i = 0; i < spec.insights; i++) store.storeInsights([buildInsight(store, {}, now - spec.insights + i)]);
		result.insights = spec.insights;
	}
	for (let i = 0; i < (spec.notifications ?? 0); i++) {
		result.notifications.push(addNotification(store, {}, now - (spec.notifications ?? 0) + i).id);
	}
	return result;
}

function seedTimeline(store: NexStore, record: RecordEntity, count: number, now: number): void {
	const start = Math.max(record.createdMs + 1, now - count * 60_000);
	const step = Math.max(1, Math.floor((now - start) / Math.max(1, count)));
	const list = [...store.lists.values()].find((l) => l.objectId === record.objectId);
	for (let i = 0; i < count; i++) {
		const ms = start + i * step;
		const resourceId = store.ids.nextString();
		switch (i % 4) {
			case 0:
				store.addTimeline(record.id, 'note', resourceId, 'created', { note: { id: resourceId, title: `Call log ${i + 1}`, content: 'Talked about next steps.' } }, ms);
				break;
			case 1:
				store.addTimeline(record.id, 'task', resourceId, 'created', { task: { id: resourceId, title: `Follow-up ${i + 1}`, priority: 'medium' } }, ms);
				break;
			case 2:
				store.addTimeline(
					record.id,
					'entity',
					record.id.toString(),
					'updated',
					{ entity: store.entityPayload(record), field_changes: [{ field_name: 'job_title', old_value: `Role ${i}`, new_value: `Role ${i + 1}` }] },
					ms,
				);
				break;
			default:
				if (list) {
					store.addTimeline(
						record.id,
						'list_item',
						resourceId,
						'created',
						{ list_item: listItemPayload({ id: BigInt(resourceId), listId: list.id, recordId: record.id, attributes: {}, createdAt: '', updatedAt: '' }, list) },
						ms,
					);
				} else {
					store.addTimeline(record.id, 'attribute', resourceId, 'updated', { attribute: { id: resourceId, slug: 'description', type: 'text', value: `v${i}`, plain_text: `v${i}` } }, ms);
				}
		}
	}
}
