import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/collections';
import { checkDateTime } from '../../../shared/dateTime';
import { PLATFORMS } from '../../shared/fields';
import { mcpToolOperation } from '../../shared/mcpToolOperation';

export const getDashboard = mcpToolOperation({
	name: 'Get Dashboard',
	value: 'getDashboard',
	action: 'Get the conversation dashboard',
	description: 'Organization-wide volumes per platform and day, tags, tag groups, intents and sentiment (MCP tool nexus_get_conversation_intelligence_dashboard)',
	tool: 'nexus_get_conversation_intelligence_dashboard',
	properties: [
		optionsCollection([
			{ displayName: 'From', name: 'from', type: 'dateTime', default: '', description: 'Start of the period; empty: 30 days before To' },
			{ displayName: 'Platform', name: 'platform', type: 'options', options: PLATFORMS, default: 'whatsapp', description: 'Only conversations on this platform' },
			{ displayName: 'To', name: 'to', type: 'dateTime', default: '', description: 'End of the period; empty: now' },
		]),
	],
	args() {
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const args: IDataObject = {};
		if (options.from) args.from = checkDateTime(this, options.from, 'From');
		if (options.to) args.to = checkDateTime(this, options.to, 'To');
		if (typeof options.platform === 'string' && options.platform !== '') args.platform = options.platform;
		return args;
	},
});
