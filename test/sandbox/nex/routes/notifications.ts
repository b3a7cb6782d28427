import { ApiError, ok } from '../http';
import { parseId } from '../ids';
import type { Ctx, RouteDef } from '../router';
import type { NexStore } from '../store';
import { rfc3339 } from '../time';
import type { CustomRule, NotificationItem } from '../types';
import { optBool, optInt, optStringArray, queryInt, queryTimestamp, reqString } from '../validate';

/** Notification feed (`{items}`, limit ≤ 50, `since`), preferences, custom rules (`{rules}`). */

export const FEED_MAX_LIMIT = 50;
export const FEED_DEFAULT_LIMIT = 20;

export function presentNotification(n: NotificationItem): Record<string, unknown> {
	return { id: n.id, type: n.type, status: n.status, alert_time: rfc3339(n.alertMs), sent_at: rfc3339(n.sentMs), content: n.content };
}

export function presentRule(rule: CustomRule): Record<string, unknown> {
	return {
		id: rule.id.toString(),
		name: rule.name,
		prompt: rule.prompt,
		is_enabled: rule.isEnabled,
		schedule: rule.schedule,
		created_at: rule.createdAt,
	};
}

/** Adds a notification (newest last); used by the control API and the seed. */
export function addNotification(store: NexStore, partial: Partial<NotificationItem> = {}, ms = store.now()): NotificationItem {
	const record = store.records.values().next().value;
	const name = record ? store.recordName(record) : 'Acme Corp';
	const item: NotificationItem = {
		id: partial.id ?? store.ids.nextString(),
		type: partial.type ?? 'context_alert',
		status: partial.status ?? 'unread',
		alertMs: partial.alertMs ?? ms - 30_000,
		sentMs: partial.sentMs ?? ms,
		content: partial.content ?? {
			important_items: [{ title: `${name} asked for a proposal`, priority: 'high', entity_id: record?.id.toString() }],
			entity_changes: record ? [{ entity_id: record.id.toString(), name, change: 'updated', fields: ['job_title'] }] : [],
		},
	};
	let i = store.notifications.length;
	while (i > 0 && store.notifications[i - 1].sentMs > item.sentMs) i--;
	store.notifications.splice(i, 0, item);
	return item;
}

function feed(ctx: Ctx) {
	const limit = queryInt(ctx.query, 'limit', { min: 1, max: FEED_MAX_LIMIT, def: FEED_DEFAULT_LIMIT });
	const since = queryTimestamp(ctx.query, 'since');
	const items: NotificationItem[] = [];
	const all = ctx.store.notifications;
	for (let i = all.length - 1; i >= 0 && items.length < limit; i--) {
		if (since !== undefined && all[i].sentMs <= since) break;
		items.push(all[i]);
	}
	return ok({ items: items.map(presentNotification) });
}

function getPreferences(ctx: Ctx) {
	return ok(ctx.store.preferences);
}

function updatePreferences(ctx: Ctx) {
	const body = ctx.body();
	const frequency = optInt(body, 'frequency_minutes');
	const types = optStringArray(body, 'enabled_types');
	const digest = optBool(body, 'digest_enabled');
	if (frequency !== undefined && (frequency < 1 || frequency > 1440)) throw new ApiError(400, 'frequency_minutes must be between 1 and 1440');
	const prefs = ctx.store.preferences;
	if (frequency !== undefined) prefs.frequency_minutes = frequency;
	if (types !== undefined) prefs.enabled_types = [...new Set(types)];
	if (digest !== undefined) prefs.digest_enabled = digest;
	return ok(prefs);
}

function listRules(ctx: Ctx) {
	return ok({ rules: [...ctx.store.customRules.values()].map(presentRule) });
}

export function insertRule(store: NexStore, description: string, ms = store.now()): CustomRule {
	const words = description.trim().split(/\s+/);
	const rule: CustomRule = {
		id: store.ids.next(),
		name: words.slice(0, 6).join(' ') + (words.length > 6 ? '…' : ''),
		prompt: description.trim(),
		isEnabled: true,
		schedule: '*/15 * * * *',
		createdAt: rfc3339(ms),
	};
	store.customRules.set(rule.id.toString(), rule);
	return rule;
}

function createRule(ctx: Ctx) {
	const description = reqString(ctx.body(), 'description', { max: 2000 });
	return ok(presentRule(insertRule(ctx.store, description, ctx.now)));
}

function requireRule(ctx: Ctx): CustomRule {
	let id: bigint;
	try {
		id = parseId(ctx.params.id, 'rule ID');
	} catch {
		throw new ApiError(404, `custom notification rule not found: ${ctx.params.id}`);
	}
	const rule = ctx.store.customRules.get(id.toString());
	if (!rule) throw new ApiError(404, `custom notification rule not found: ${ctx.params.id}`);
	return rule;
}

function getRule(ctx: Ctx) {
	return ok(presentRule(requireRule(ctx)));
}

function deleteRule(ctx: Ctx) {
	ctx.store.customRules.delete(requireRule(ctx).id.toString());
	return ok({});
}

export const notificationRoutes: RouteDef[] = [
	{ method: 'GET', path: '/v1/notifications/feed', scope: 'notification.read', operationId: 'getNotificationFeed', handler: feed },
	{
		method: 'GET',
		path: '/v1/notifications/preferences',
		scope: 'notification.read',
		operationId: 'getNotificationPreferences',
		handler: getPreferences,
	},
	{
		method: 'PATCH',
		path: '/v1/notifications/preferences',
		scope: 'notification.write',
		operationId: 'updateNotificationPreferences',
		handler: updatePreferences,
	},
	{
		method: 'GET',
		path: '/v1/notifications/custom',
		scope: 'notification.read',
		operationId: 'listCustomNotificationRules',
		handler: listRules,
	},
	{
		method: 'POST',
		path: '/v1/notifications/custom',
		scope: 'notification.write',
		operationId: 'createCustomNotificationRule',
		handler: createRule,
	},
	{
		method: 'GET',
		path: '/v1/notifications/custom/{id}',
		scope: 'notification.read',
		operationId: 'getCustomNotificationRule',
		handler: getRule,
	},
	{
		method: 'DELETE',
		path: '/v1/notifications/custom/{id}',
		scope: 'notification.write',
		operationId: 'deleteCustomNotificationRule',
		handler: deleteRule,
	},
];
