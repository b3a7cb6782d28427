import { resourceProperties } from '../../../shared/operation';
import { sendFacebookMessage } from './facebookMessage.operation';
import { sendInstagramMessage } from './instagramMessage.operation';
import { sendWhatsappMessage } from './whatsappMessage.operation';
import { sendWhatsappTemplate } from './whatsappTemplate.operation';

export const sendDescription = resourceProperties(
	'send',
	[sendFacebookMessage, sendInstagramMessage, sendWhatsappMessage, sendWhatsappTemplate],
	'whatsappMessage',
);
