import { resourceProperties } from '../../shared/rows';
import { getAllMessages } from './getAll.operation';

export const messageDescription = resourceProperties('message', [getAllMessages], 'getAll');
