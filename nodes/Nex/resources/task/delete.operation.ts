import { archiveOperation } from '../../shared/listedItem';
import { taskItem } from './fields';

export const taskDelete = archiveOperation(taskItem);
