import { normaliseAttributes } from './attributes';
import { buildInsight } from './insights';
import type { NexStore } from './store';
import { rfc3339 } from './time';
import type { Artifact, ExtractedEntity, Insight, RecordEntity } from './types';

/**
 * A deterministic stand-in for the service's AI extraction: people (two capitalised words or an
 * email address), companies (a company suffix, a domain, or a work email's domain). Completing an
 * artifact creates or updates the records, links people to companies, and produces insights.
 */

const COMPANY_SUFFIX = /^(Corp|Corporation|Inc|Ltd|LLC|GmbH|AG|Labs|Capital|Technologies|Systems|Group|Partners|Ventures|Software|AI)$/;
const FREE_MAIL = new Set(['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'proton.me']);
const NOT_NAMES = new Set(['The', 'This', 'That', 'Had', 'Met', 'We', 'Our', 'Great', 'Call', 'Meeting', 'Notes', 'Hi', 'Hello', 'Thanks']);

interface Mention {
	type: 'PERSON' | 'COMPANY';
	name: string;
	email?: string;
	domain?: string;
}

function capitalise(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

export function findMentions(text: string): Mention[] {
	const mentions: Mention[] = [];
	const emails = [...text.matchAll(/[\w.+-]+@([\w-]+(?:\.[\w-]+)+)/g)].map((m) => ({ email: m[0], domain: m[1].toLowerCase() }));
	const words = /(\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)/gu;
	for (const m of text.matchAll(words)) {
		const [, first, second] = m;
		if (COMPANY_SUFFIX.test(second)) {
			mentions.push({ type: 'COMPANY', name: `${first} ${second}` });
		} else if (!NOT_NAMES.has(first)) {
			const email = emails.find((e) => e.email.toLowerCase().startsWith(first.toLowerCase()))?.email;
			mentions.push({ type: 'PERSON', name: `${first} ${second}`, email });
		}
	}
	// A domain belongs to a company already named in the text when the names agree ("NewCo Labs", newco.io).
	const addDomain = (domain: string) => {
		const label = domain.split('.')[0].replace(/-/g, '');
		const named = mentions.find(
			(m) => m.type === 'COMPANY' && (m.domain === domain || (!m.domain && m.name.toLowerCase().replace(/[^a-z0-9]/g, '').startsWith(label))),
		);
		if (named) named.domain = domain;
		else mentions.push({ type: 'COMPANY', name: capitalise(domain.split('.')[0]), domain });
	};
	for (const e of emails) {
		if (!mentions.some((m) => m.email === e.email)) {
			const local = e.email.split('@')[0].split(/[._-]/).filter(Boolean).map(capitalise);
			mentions.push({ type: 'PERSON', name: local.join(' '), email: e.email });
		}
		if (!FREE_MAIL.has(e.domain)) addDomain(e.domain);
	}
	for (const m of text.matchAll(/(?<![@\w.-])([a-z0-9-]+\.(?:io|com|ai|co|net|org|dev))\b/gi)) addDomain(m[1].toLowerCase());
	const seen = new Set<string>();
	return mentions.filter((m) => {
		const key = `${m.type}:${(m.domain ?? m.name).toLowerCase()}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

function findRecord(store: NexStore, mention: Mention): RecordEntity | undefined {
	const object = store.objectBySlug(mention.type === 'PERSON' ? 'person' : 'company');
	if (!object) return undefined;
	if (mention.email) {
		const byEmail = store.findByAttribute(object, 'email_addresses', mention.email);
		if (byEmail) return byEmail;
	}
	if (mention.domain) {
		const byDomain = store.findByAttribute(object, 'domains', mention.domain);
		if (byDomain) return byDomain;
	}
	const lower = mention.name.toLowerCase();
	for (const id of store.recordsByObject.get(object.id.toString()) ?? []) {
		const r = store.records.get(id)!;
		if (store.recordName(r).toLowerCase() === lower) return r;
	}
	return undefined;
}

/** Moves an artifact to its final state (idempotent). */
export function finalizeArtifact(store: NexStore, artifact: Artifact, ms = store.now()): void {
	if (artifact.finalized) return;
	artifact.finalized = true;
	artifact.completedAt = rfc3339(Math.max(ms, artifact.createdMs + artifact.durationMs));
	if (artifact.fail) return;
	const extracted: ExtractedEntity[] = [];
	const counts = { created: 0, updated: 0, relationships: 0, insights: 0 };
	const records: { mention: Mention; record: RecordEntity }[] = [];
	for (const mention of findMentions(`${artifact.content}\n${artifact.context ?? ''}`)) {
		const object = store.objectBySlug(mention.type === 'PERSON' ? 'person' : 'company');
		if (!object) continue;
		const existing = findRecord(store, mention);
		const properties: Record<string, unknown> = { name: mention.name };
		if (mention.email) properties.email = mention.email;
		if (mention.domain) properties.domain = mention.domain;
		let record = existing;
		let previous: Record<string, unknown> | undefined;
		try {
			if (existing) {
				previous = { name: store.recordName(existing), ...(mention.email ? { email: null } : {}), ...(mention.domain ? { domain: null } : {}) };
				const changes: Record<string, unknown> = {};
				if (mention.email && object.attributes.some((a) => a.slug === 'email_addresses')) {
					const have = (existing.attributes.email_addresses as string[] | undefined) ?? [];
					if (!have.some((e) => e.toLowerCase() === mention.email!.toLowerCase())) changes.email_addresses = [...have, mention.email];
					else previous.email = mention.email;
				}
				if (mention.domain && object.attributes.some((a) => a.slug === 'domains')) {
					const have = (existing.attributes.domains as string[] | undefined) ?? [];
					if (!have.includes(mention.domain)) changes.domains = [...have, mention.domain];
					else previous.domain = mention.domain;
				}
				if (Object.keys(changes).length > 0) store.updateRecord(existing, normaliseAttributes(object, changes, 'update'), ms, 'ai_extraction');
				counts.updated++;
			} else {
				const attributes: Record<string, unknown> = { name: mention.name };
				if (mention.email && object.attributes.some((a) => a.slug === 'email_addresses')) attributes.email_addresses = [mention.email];
				if (mention.domain && object.attributes.some((a) => a.slug === 'domains')) attributes.domains = [mention.domain];
				record = store.insertRecord(object, normaliseAttributes(object, attributes, 'create'), ms, { actor: 'ai_extraction' });
				counts.created++;
			}
		} catch {
			continue; // a value the schema rejects: the service skips the entity
		}
		records.push({ mention, record: record! });
		extracted.push({
			type: mention.type,
			context_id: store.ids.next(),
			canonical_entity_id: record!.id,
			properties,
			...(previous ? { previous_properties: previous } : {}),
			is_new: !existing,
		});
	}
	counts.relationships = linkPeopleToCompanies(store, records, ms);
	const insights: Insight[] = records.map(({ record }) =>
		buildInsight(
			store,
			{
				type: 'activity',
				content: `${store.recordName(record)} was mentioned${artifact.context ? ` in ${artifact.context}` : ''}: ${summary(artifact.content)}`,
				target: { entity_id: record.id, hint: store.recordName(record), entity_type: store.objectOf(record).slug },
				evidence: [{ excerpt: summary(artifact.content), artifact: { type: 'text', subject: artifact.context ?? 'context' } }],
			},
			ms,
		),
	);
	counts.insights = insights.length;
	artifact.extracted = extracted;
	artifact.counts = counts;
	if (insights.length > 0) {
		store.storeInsights(insights);
		if (store.config.artifactEmitsInsights) store.onInsights?.(insights);
	}
}

function summary(text: string): string {
	const first = text.split(/(?<=[.!?])\s/)[0].trim();
	return first.length > 120 ? `${first.slice(0, 117)}...` : first;
}

function linkPeopleToCompanies(store: NexStore, found: { mention: Mention; record: RecordEntity }[], ms: number): number {
	const person = store.objectBySlug('person');
	const company = store.objectBySlug('company');
	if (!person || !company) return 0;
	const def = [...store.relationshipDefs.values()].find((d) => d.definition1Id === person.id && d.definition2Id === company.id);
	if (!def) return 0;
	let created = 0;
	const people = found.filter((f) => f.mention.type === 'PERSON').map((f) => f.record);
	const companies = found.filter((f) => f.mention.type === 'COMPANY').map((f) => f.record);
	for (const p of people) {
		for (const c of companies) {
			const existing = [...store.relationships.values()].filter((r) => r.definitionId === def.id);
			if (existing.some((r) => r.entity1Id === p.id && (r.entity2Id === c.id || def.type !== 'many_to_many'))) continue;
			const id = store.ids.next();
			store.relationships.set(id.toString(), { id, definitionId: def.id, entity1Id: p.id, entity2Id: c.id, createdAt: rfc3339(ms) });
			created++;
		}
	}
	return created;
}
