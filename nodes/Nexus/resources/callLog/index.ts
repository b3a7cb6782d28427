import { resourceProperties } from '../../shared/rows';
import { getAllCallLogs } from './getAll.operation';

export const callLogDescription = resourceProperties('callLog', [getAllCallLogs], 'getAll');
