/**
 * whatsapp-send-message, whatsapp-send-template, facebook-send-message, instagram-send-message:
 * each stores an outbound `messages` row and updates the chat, as the platform would.
 */
import type { SqlRunner } from '../db';
import { EdgeError } from '../http';
import {
	type EdgeContext,
	type EdgeHandler,
	monthStart,
	ok,
	optionalString,
	orgPlan,
	randomToken,
	requirePhone,
	requireScope,
	requireString,
	rowJson,
	UUID_RE,
} from './common';

type Platform = 'whatsapp' | 'facebook' | 'instagram';

async function checkMessagingQuota(ctx: EdgeContext, q: SqlRunner): Promise<void> {
	const { plan, limits } = await orgPlan(q);
	const limit = limits.outboundMessagesPerMonth;
	if (limit === null) return;
	const r = await q.query(
		`select count(*)::int as n from public.messages where direction = 'outbound' and "timestamp" >= $1::timestamptz`,
		[monthStart(ctx.now())],
	);
	const used = Number(r.rows[0].n);
	if (used >= limit) {
		throw new EdgeError(403, 'plan_limit_exceeded', limit === 0 ? `Messaging is not available on the ${plan} plan` : `Monthly outbound message limit reached (${used}/${limit}) on the ${plan} plan`, {}, { plan, limit, used });
	}
}

function platformMessageId(platform: Platform): string {
	if (platform === 'whatsapp') return `wamid.HBgM${randomToken(24)}`;
	if (platform === 'facebook') return `m_${randomToken(32, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_')}`;
	return `aWdfZAG1faXRlbToxOklH${randomToken(24, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
}

async function insertOutbound(
	ctx: EdgeContext,
	q: SqlRunner,
	chatId: string,
	platform: Platform,
	content: string,
	messageType: 'text' | 'template',
): Promise<Record<string, unknown>> {
	const r = await q.query(
		`insert into public.messages (organization_id, chat_id, content, message_type, direction, status, platform_message_id)
		values ($1::uuid, $2::uuid, $3, $4::public.message_type, 'outbound', 'sent', $5)
		returning row_to_json(messages.*)::text as row`,
		[ctx.orgId, chatId, content, messageType, platformMessageId(platform)],
	);
	const message = rowJson(r.rows[0].row);
	await q.query(
		`update public.chats set last_message = $2, last_message_time = $3::timestamptz, unread_count = 0 where id = $1::uuid`,
		[chatId, content, message.timestamp],
	);
	return message;
}

function sendToChat(platform: Platform): EdgeHandler {
	return async (ctx) => {
		requireScope(ctx, 'write');
		const chatId = optionalString(ctx.body, 'chatId');
		const recipientId = optionalString(ctx.body, 'recipientId');
		if (!chatId && !recipientId) throw new EdgeError(400, 'validation_error', 'chatId is required');
		if (chatId && !UUID_RE.test(chatId)) throw new EdgeError(400, 'validation_error', 'chatId must be a UUID');
		const message = requireString(ctx.body, 'message', { max: 4096 });
		const organizationId = optionalString(ctx.body, 'organizationId');
		if (platform === 'whatsapp' && !organizationId) throw new EdgeError(400, 'validation_error', 'organizationId is required');
		if (organizationId && organizationId.toLowerCase() !== ctx.orgId) {
			throw new EdgeError(403, 'forbidden', "organizationId does not match the token's organization");
		}
		return ctx.tx(async (q) => {
			const found = chatId
				? await q.query(`select id, platform, is_archived from public.chats where id = $1::uuid`, [chatId])
				: await q.query(`select id, platform, is_archived from public.chats where platform = $1 and (contact_platform_id = $2 or platform_chat_id = $2) order by created_at limit 1`, [platform, recipientId]);
			const chat = found.rows[0];
			if (!chat) throw new EdgeError(404, 'chat_not_found', `Chat ${chatId ?? recipientId} not found`);
			if (chat.platform !== platform) {
				throw new EdgeError(400, 'platform_mismatch', `Chat ${String(chat.id)} is a ${String(chat.platform)} conversation, not ${platform}`);
			}
			await checkMessagingQuota(ctx, q);
			const row = await insertOutbound(ctx, q, String(chat.id), platform, message, 'text');
			return ok({
				success: true,
				message_id: row.id,
				chat_id: row.chat_id,
				platform_message_id: row.platform_message_id,
				status: row.status,
				timestamp: row.timestamp,
			});
		});
	};
}

export const whatsappSendMessage = sendToChat('whatsapp');
export const facebookSendMessage = sendToChat('facebook');
export const instagramSendMessage = sendToChat('instagram');

export const whatsappSendTemplate: EdgeHandler = async (ctx) => {
	requireScope(ctx, 'write');
	const phone = requirePhone(ctx.body, 'phone_number');
	const templateName = requireString(ctx.body, 'template_name', { max: 512 });
	if (!/^[a-z0-9_]+$/.test(templateName)) {
		throw new EdgeError(400, 'validation_error', 'template_name may only contain lowercase letters, digits and underscores');
	}
	const language = optionalString(ctx.body, 'language') ?? 'en_US';
	if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(language)) throw new EdgeError(400, 'validation_error', 'language must be a language code such as en or en_US');
	const components = ctx.body.components ?? [];
	if (!Array.isArray(components)) throw new EdgeError(400, 'validation_error', 'components must be an array');
	return ctx.tx(async (q) => {
		await checkMessagingQuota(ctx, q);
		let chat = (await q.query(`select id from public.chats where platform = 'whatsapp' and contact_phone = $1 order by created_at limit 1`, [phone])).rows[0];
		let chatCreated = false;
		if (!chat) {
			const customer = (await q.query(`select trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) as name from public.customers where phone_number = $1 limit 1`, [phone])).rows[0];
			chat = (
				await q.query(
					`insert into public.chats (organization_id, platform, platform_chat_id, contact_name, contact_phone, contact_platform_id)
					values ($1::uuid, 'whatsapp', $2, $3, $4, $2) returning id`,
					[ctx.orgId, phone.slice(1), customer ? String(customer.name) : null, phone],
				)
			).rows[0];
			chatCreated = true;
		}
		const params = components
			.flatMap((c) => (c && typeof c === 'object' && Array.isArray((c as { parameters?: unknown }).parameters) ? (c as { parameters: unknown[] }).parameters : []))
			.map((p) => (p && typeof p === 'object' && 'text' in p ? String((p as { text: unknown }).text) : ''))
			.filter(Boolean);
		const content = `[template:${templateName}/${language}]${params.length ? ` ${params.join(' | ')}` : ''}`;
		const row = await insertOutbound(ctx, q, String(chat.id), 'whatsapp', content, 'template');
		return ok({
			success: true,
			message_id: row.id,
			chat_id: row.chat_id,
			chat_created: chatCreated,
			platform_message_id: row.platform_message_id,
			template_name: templateName,
			language,
			status: row.status,
			timestamp: row.timestamp,
		});
	});
};
