import { resourceProperties } from '../../../shared/operation';
import { getAllMessages } from './getAll.operation';

export const messageDescription = resourceProperties('message', [getAllMessages], 'getAll');
