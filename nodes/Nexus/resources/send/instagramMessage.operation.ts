import { platformMessageOperation } from './platformMessage';

export const sendInstagramMessage = platformMessageOperation('Instagram');
