import type { INodeProperties, ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CONFIDENCE_LEVELS, INSIGHT_TYPES } from './insights';
import type { ListenerSettings } from './listener';
import { quoteValue } from '../shared/quote';
import { filtersCollection, optionsCollection } from '../shared/collections';
import { splitList } from '../shared/parameters';

/** Parameters of the Nex Trigger, and reading them into the listener's settings. */

const TYPE_NAMES: Record<(typeof INSIGHT_TYPES)[number], string> = {
	activity: 'Activity',
	characteristic: 'Characteristic',
	milestone: 'Milestone',
	opportunity: 'Opportunity',
	preference: 'Preference',
	relationship: 'Relationship',
	risk: 'Risk',
	role_detail: 'Role Detail',
};

const LEVEL_NAMES: Record<(typeof CONFIDENCE_LEVELS)[number], string> = {
	low: 'Low',
	medium: 'Medium',
	high: 'High',
	very_high: 'Very High',
};

export const nexTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'outputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Execution per Batch',
				value: 'batch',
				description: 'Each batch Nex emits starts one execution, with one item per insight',
			},
			{
				name: 'One Execution per Insight',
				value: 'insight',
				description: 'Each insight starts its own execution',
			},
		],
		default: 'batch',
		description: 'How insights are grouped into executions. Every item holds the insight plus the workspace and emitted_at of its batch.',
	},
	{
		displayName: 'Include Replayed Insights',
		name: 'includeReplay',
		type: 'boolean',
		default: false,
		description:
			'Whether to also emit the up to 20 recent insights Nex replays when the connection opens. Each is emitted once per workflow, not once per reconnect.',
	},
	filtersCollection([
		{
			displayName: 'Entity Types',
			name: 'entityTypes',
			type: 'string',
			default: '',
			placeholder: 'person, company',
			description: 'Only insights about entities of these types (comma-separated object slugs, e.g. person, company)',
		},
		{
			displayName: 'Insight Types',
			name: 'insightTypes',
			type: 'multiOptions',
			options: [...INSIGHT_TYPES]
				.map((value) => ({ name: TYPE_NAMES[value], value }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: [],
			description: 'Only insights of these types. None selected: every type.',
		},
		{
			displayName: 'Minimum Confidence',
			name: 'minConfidence',
			type: 'options',
			options: CONFIDENCE_LEVELS.map((value) => ({ name: LEVEL_NAMES[value], value })),
			default: 'low',
			description:
				'Only insights whose confidence_level is at least this. Insights without a confidence level are left out unless this is Low.',
		},
	]),
	optionsCollection([
		{
			displayName: 'Reconnect Delay (Seconds)',
			name: 'reconnectDelay',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 1,
			description:
				'First wait before reconnecting after a failed connection; it doubles after each further failure, up to 60 seconds. A connection that delivered insights is reopened within this time.',
		},
		{
			displayName: 'Test With Recent Insights',
			name: 'testWithRecent',
			type: 'boolean',
			default: false,
			description:
				'Whether "Listen for event" returns the most recent insights at once instead of waiting for the next batch',
		},
		{
			displayName: 'Watchdog Timeout (Seconds)',
			name: 'watchdogTimeout',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 75,
			description:
				'Reconnect when neither an insight nor a keepalive arrived for this long. Nex sends a keepalive every 30 seconds.',
		},
	]),
];

export interface TriggerParameters {
	settings: ListenerSettings;
	testWithRecent: boolean;
}

export function readTriggerParameters(context: ITriggerFunctions): TriggerParameters {
	const filters = context.getNodeParameter('filters', {}) as {
		entityTypes?: string;
		insightTypes?: string[];
		minConfidence?: string;
	};
	const options = context.getNodeParameter('options', {}) as {
		reconnectDelay?: number;
		testWithRecent?: boolean;
		watchdogTimeout?: number;
	};
	const watchdog = options.watchdogTimeout ?? 75;
	if (typeof watchdog !== 'number' || !Number.isFinite(watchdog) || watchdog < 0.1) {
		throw new NodeOperationError(context.getNode(), `Watchdog Timeout (Seconds) must be a number of at least 0.1, not ${quoteValue(String(watchdog))}`, {
			description: 'Set Options → Watchdog Timeout (Seconds), e.g. 75.',
		});
	}
	const reconnect = options.reconnectDelay ?? 1;
	if (typeof reconnect !== 'number' || !Number.isFinite(reconnect) || reconnect < 0) {
		throw new NodeOperationError(context.getNode(), `Reconnect Delay (Seconds) must be a number of at least 0, not ${quoteValue(String(reconnect))}`, {
			description: 'Set Options → Reconnect Delay (Seconds), e.g. 1.',
		});
	}
	const types = Array.isArray(filters.insightTypes) ? filters.insightTypes.map(String) : [];
	const unknownType = types.find((type) => !(INSIGHT_TYPES as readonly string[]).includes(type));
	if (unknownType !== undefined) {
		throw new NodeOperationError(context.getNode(), `Insight Types contains ${quoteValue(unknownType)}, which is not an insight type`, {
			description: `Use any of: ${INSIGHT_TYPES.join(', ')}.`,
		});
	}
	const minConfidence = filters.minConfidence ?? 'low';
	if (!(CONFIDENCE_LEVELS as readonly string[]).includes(minConfidence)) {
		throw new NodeOperationError(context.getNode(), `Minimum Confidence ${quoteValue(minConfidence)} is not a confidence level`, {
			description: `Use one of: ${CONFIDENCE_LEVELS.join(', ')}.`,
		});
	}
	return {
		testWithRecent: options.testWithRecent === true,
		settings: {
			includeReplay: context.getNodeParameter('includeReplay', false) === true,
			outputMode: context.getNodeParameter('outputMode', 'batch') === 'insight' ? 'insight' : 'batch',
			filters: {
				types,
				// Low is the lowest level: no filtering, insights without a level included.
				minConfidence: minConfidence === 'low' ? '' : minConfidence,
				entityTypes: splitList(filters.entityTypes).map((entry) => entry.toLowerCase()),
			},
			watchdogMs: Math.round(watchdog * 1000),
			reconnectBaseMs: Math.round(reconnect * 1000),
			reconnectMaxMs: 60_000,
			recentLimit: 20,
		},
	};
}
