import { resourceProperties } from '../../../shared/operation';
import { searchEverything } from './search.operation';

export const searchDescription = resourceProperties('search', [searchEverything], 'search');
