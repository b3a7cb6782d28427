import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { filtersCollection } from '../../shared/filters';
import { simplifyWhenChosen } from '../../shared/simplify';
import { nexRouting } from '../../shared/transport';
import { insightsOf, simplifyInsight } from './simplify';
import { checkDateTime } from '../../../shared/dateTime';
import { returnAllAndLimit, simplifyField, type Operation } from '../../../shared/operation';
import { invalidInput, optionalParameter } from '../../../shared/parameters';
import { sendDateTime } from '../../../shared/preSend';
import { quoteValue } from '../../../shared/quote';

/** Nex answers at most 100 insights per request and has no paging. */
export const INSIGHTS_MAX = 100;

/** A rolling window as Nex reads it: Go durations plus days (`30m`, `2h`, `1h30m`, `1d`). */
const ROLLING_WINDOW = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/;

export const insightGetAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'List AI insights (opportunities, risks...), newest first',
		description:
			'List insights the AI extracted (opportunities, risks, relationships...), most recent first, for a rolling window or a date range',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/insights' },
			{
				scope: 'insight.stream',
				safeToRepeat: true,
				items: insightsOf,
				limit: { max: INSIGHTS_MAX },
				validate(this: IExecuteSingleFunctions) {
					const filters = this.getNodeParameter('filters', {}) as IDataObject;
					const last = optionalParameter(this, 'filters.last');
					if (last !== undefined && !ROLLING_WINDOW.test(String(last).trim())) {
						throw invalidInput(
							this,
							`Time Window ${quoteValue(String(last))} is not a valid duration`,
							'Enter a duration such as 30m, 2h, 1h30m or 1d.',
						);
					}
					const from = optionalParameter(this, 'filters.from');
					if (from !== undefined) checkDateTime(this, from, 'From');
					const to = optionalParameter(this, 'filters.to');
					if (to !== undefined) checkDateTime(this, to, 'To');
					if (last !== undefined && (filters.from !== undefined || filters.to !== undefined)) {
						throw invalidInput(
							this,
							'Time Window cannot be combined with From or To',
							'Use either a rolling Time Window or a From/To date range, not both.',
						);
					}
				},
				transform: simplifyWhenChosen(simplifyInsight),
			},
		),
	},
	properties: [
		...returnAllAndLimit({
			max: INSIGHTS_MAX,
			sendAs: 'limit',
			returnAllHint: `Nex has no paging for insights: "all" is the ${INSIGHTS_MAX} most recent that match the filters`,
		}),
		filtersCollection([
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description: 'Only insights created at or after this time (use with To)',
				routing: { send: { preSend: [sendDateTime('filters.from', 'from', 'qs')] } },
			},
			{
				displayName: 'Time Window',
				name: 'last',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2h',
				description: 'Only insights from this rolling window before now: 30m, 2h, 1h30m, 1d',
				routing: { send: { type: 'query', property: 'last', value: '={{ String($value).trim() }}' } },
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'Only insights created before this time (use with From)',
				routing: { send: { preSend: [sendDateTime('filters.to', 'to', 'qs')] } },
			},
		]),
		simplifyField(),
	],
};
