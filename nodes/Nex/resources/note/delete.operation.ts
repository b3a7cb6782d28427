import { archiveOperation } from '../../shared/listedItem';
import { noteItem } from './fields';

export const noteDelete = archiveOperation(noteItem);
