import { resourceProperties } from '../../../shared/operation';
import { createCallLog } from './create.operation';
import { getAllCallLogs } from './getAll.operation';
import { updateCallLogNotes } from './updateAgentNotes.operation';

export const callLogDescription = resourceProperties('callLog', [createCallLog, getAllCallLogs, updateCallLogNotes], 'getAll');
