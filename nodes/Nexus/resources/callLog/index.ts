import { resourceProperties } from '../../../shared/operation';
import { getAllCallLogs } from './getAll.operation';

export const callLogDescription = resourceProperties('callLog', [getAllCallLogs], 'getAll');
