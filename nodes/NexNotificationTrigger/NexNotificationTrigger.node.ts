import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { NEX_CREDENTIAL_TYPE, nexApiRequest, type NexCallSpec } from '../Nex/shared/transport';
import { baseline, readCursor, selectNew, sinceOf, writeCursor } from './cursor';
import { optionsCollection } from '../shared/collections';
import { triggerNodeBasics } from '../shared/nodeDescription';
import { splitList } from '../shared/parameters';

/**
 * Polls the Nex notification feed (`GET /v1/notifications/feed`) and starts the workflow for each
 * notification sent since the last poll. The cursor (newest `sent_at` plus the ids sent at its
 * boundary, see `cursor.ts`) only moves after a poll succeeded; the first activation records where
 * the feed stands and emits nothing; "Fetch test event" returns the latest notification and leaves
 * the cursor alone.
 */

const FEED_SPEC: NexCallSpec = { safeToRepeat: true, scope: 'notification.read' };
/** The feed's maximum page. */
const FEED_LIMIT = 50;

async function readFeed(context: IPollFunctions, qs: IDataObject): Promise<IDataObject[]> {
	const answer = (await nexApiRequest.call(context, 'GET', '/v1/notifications/feed', FEED_SPEC, { qs })) as unknown;
	const list = Array.isArray(answer) ? answer : ((answer as IDataObject | null)?.items ?? (answer as IDataObject | null)?.data);
	return Array.isArray(list) ? list.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object') : [];
}

export class NexNotificationTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nex Notification Trigger',
		name: 'nexNotificationTrigger',
		icon: { light: 'file:nex.svg', dark: 'file:nex.dark.svg' },
		group: ['trigger'],
		...triggerNodeBasics(NEX_CREDENTIAL_TYPE, 'polling'),
		subtitle: '={{$parameter["options"]["types"] ? "Types: " + $parameter["options"]["types"] : "All notifications"}}',
		description: 'Starts the workflow when Nex sends a new notification (context alerts, digests)',
		defaults: { name: 'Nex Notification Trigger' },
		properties: [
			optionsCollection([
				{
					displayName: 'Notification Types',
					name: 'types',
					type: 'string',
					default: '',
					placeholder: 'context_alert, digest',
					description: 'Only notifications of these types (comma-separated). Empty: every type.',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = this.getNodeParameter('options', {}) as { types?: string };
		const types = splitList(options.types);
		const wanted = (item: IDataObject) => types.length === 0 || types.includes(String(item.type));
		const toItems = (list: IDataObject[]) => list.filter(wanted).map((json) => ({ json }));

		if (this.getMode() === 'manual') {
			// The latest notification(s), whatever the cursor says; the cursor is not touched.
			const latest = toItems(await readFeed(this, { limit: types.length === 0 ? 1 : FEED_LIMIT })).slice(0, 1);
			return latest.length > 0 ? [latest] : null;
		}

		const state = this.getWorkflowStaticData('node');
		const cursor = readCursor(state);
		if (!cursor.initialized) {
			writeCursor(state, baseline(await readFeed(this, { limit: FEED_LIMIT })));
			return null;
		}
		const since = sinceOf(cursor);
		const page = await readFeed(this, since === undefined ? { limit: FEED_LIMIT } : { limit: FEED_LIMIT, since });
		const { fresh, next } = selectNew(cursor, page);
		if (page.length >= FEED_LIMIT && fresh.length === page.length) {
			// The whole page is new: the feed (newest first, no paging) may hold older ones this poll cannot reach.
			this.logger.warn(
				`Nex Notification Trigger: more than ${FEED_LIMIT} notifications arrived since the last poll; older ones may be missing. Poll more often.`,
			);
		}
		writeCursor(state, next);
		const items = toItems(fresh);
		return items.length > 0 ? [items] : null;
	}
}
