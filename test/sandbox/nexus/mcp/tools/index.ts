/** The 41 tools the vendor lists, in the vendor's order. */
import type { ToolDef } from '../toolkit';
import { contactTools } from './contacts';
import { conversationTools } from './conversations';
import { intelligenceTools } from './intelligence';
import { internalChatTools } from './internalChat';
import { inventoryTools } from './inventory';
import { inviteTools } from './invites';
import { orderTools } from './orders';
import { socialTools } from './social';

export const NEXUS_TOOLS: ToolDef[] = [
	...contactTools,
	...orderTools,
	...inventoryTools,
	...conversationTools,
	...socialTools,
	...inviteTools,
	...internalChatTools,
	...intelligenceTools,
];
