import type { PathId } from '../../../shared/executor';
import { readTable } from '../../shared/guardInput';

/** The table name is the last segment of `/rest/v1/<table>`: a plain identifier, checked before anything is sent. */
export const TABLE_PATH_ID: PathId = {
	parameter: 'table',
	label: 'Table',
	check() {
		readTable(this);
	},
};
