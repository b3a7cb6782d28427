import { platformMessageOperation } from './platformMessage';

export const sendFacebookMessage = platformMessageOperation('Facebook');
