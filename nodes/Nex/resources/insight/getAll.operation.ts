import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { insightsOf, simplifyInsight } from './simplify';
import { quoteValue } from '../../../shared/quote';
import { checkDateTime } from '../../../shared/dateTime';
import { isSimplifyChosen, readLimit, simplifyField } from '../../../shared/operation';
import { invalidInput, optionalParameter } from '../../../shared/parameters';
import { sendDateTime } from '../../../shared/preSend';

/** Nex answers at most 100 insights per request and has no paging. */
export const INSIGHTS_MAX = 100;

/** A rolling window as Nex reads it: Go durations plus days (`30m`, `2h`, `1h30m`, `1d`). */
const ROLLING_WINDOW = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h|d))+$/;

async function askForMaximum(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	if (this.getNodeParameter('returnAll', false) as boolean) {
		requestOptions.qs = { ...(requestOptions.qs ?? {}), limit: INSIGHTS_MAX };
	}
	return requestOptions;
}


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
				validate(this: IExecuteSingleFunctions) {
					readLimit(this, INSIGHTS_MAX);
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
				async transform(insights) {
					const limit = readLimit(this);
					const kept = limit === undefined ? insights : insights.slice(0, limit);
					return isSimplifyChosen(this) ? kept.map(simplifyInsight) : kept;
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			hint: `Nex has no paging for insights: "all" is the ${INSIGHTS_MAX} most recent that match the filters`,
			routing: { send: { preSend: [askForMaximum] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: INSIGHTS_MAX },
			default: 50,
			description: 'Max number of results to return',
			hint: `At most ${INSIGHTS_MAX}`,
			displayOptions: { show: { returnAll: [false] } },
			routing: { send: { type: 'query', property: 'limit' } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
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
			],
		},
		simplifyField(),
	],
};
