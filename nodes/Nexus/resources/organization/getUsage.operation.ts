import { functionRouting } from '../../shared/functions';
import type { Operation } from '../../../shared/operation';

export const getUsage: Operation = {
	option: {
		name: 'Get Usage',
		value: 'getUsage',
		action: 'Get the plan, usage and remaining capacity',
		description: 'Plan, usage counters, remaining capacity and warnings (agent-usage)',
		routing: functionRouting('agent-usage', { method: 'GET', what: 'usage', safeToRepeat: true }),
	},
	properties: [],
};
