import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { toItems } from '../../../shared/http';
import type { Operation } from '../../../shared/operation';
import { guardInput } from '../../shared/guardInput';
import { readJsonArguments } from '../../shared/mcpArguments';
import { assertIdentifier } from '../../shared/postgrest';
import { nexusApiRequest, nexusExecutor } from '../../shared/transport';

/** The documented database functions; any other name may be given. */
const DASHBOARDS = ['rpc_ai_get_customer_intelligence', 'rpc_ai_get_conversation_dashboard'];
const OTHER = 'other';

/** The function's name, checked as a plain identifier so it cannot reach another path. */
function readFunctionName(context: IExecuteSingleFunctions): string {
	const chosen = context.getNodeParameter('functionName', '') as string;
	const field = chosen === OTHER ? 'customFunctionName' : 'functionName';
	const value = chosen === OTHER ? context.getNodeParameter('customFunctionName', '') : chosen;
	return guardInput(context, () => assertIdentifier(value, field === 'customFunctionName' ? 'Function Name' : 'Function', 'function'));
}

export const callFunction: Operation = {
	option: {
		name: 'Call',
		value: 'call',
		action: 'Call a database function',
		description: 'Run a database function by name (POST /rest/v1/rpc) with JSON arguments; outputs its answer (a list gives one item per entry)',
		routing: nexusExecutor.programmatic({
			// A function may write: never sent twice after an ambiguous failure, except the read-only dashboards.
			safeToRepeat: false,
			what: 'function',
			validate() {
				readFunctionName(this);
				readJsonArguments(this);
			},
			async run() {
				const name = readFunctionName(this);
				const body = readJsonArguments(this);
				const answer = await nexusApiRequest.call(this, 'POST', `/rest/v1/rpc/${name}`, {
					safeToRepeat: DASHBOARDS.includes(name),
					what: `function "${name}"`,
				}, { body });
				return toItems(answer.body).map((item) => item.json);
			},
		}),
	},
	properties: [
		{
			displayName: 'Function',
			name: 'functionName',
			type: 'options',
			options: [
				{
					name: 'Conversation Dashboard',
					value: 'rpc_ai_get_conversation_dashboard',
					description: 'Message and annotation counts over a period (rpc_ai_get_conversation_dashboard; arguments p_from, p_to, p_platform)',
				},
				{
					name: 'Customer Intelligence',
					value: 'rpc_ai_get_customer_intelligence',
					description: "A customer's or chat's conversation summary (rpc_ai_get_customer_intelligence; arguments p_customer_id or p_chat_id, p_days)",
				},
				{ name: 'Other (Enter Name)', value: OTHER, description: 'Any other database function by name' },
			],
			default: 'rpc_ai_get_conversation_dashboard',
		},
		{
			displayName: 'Function Name',
			name: 'customFunctionName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'my_function',
			description: 'Name of the database function: letters, digits and underscores',
			displayOptions: { show: { functionName: [OTHER] } },
		},
		{
			displayName: 'Arguments',
			name: 'arguments',
			type: 'json',
			default: '{}',
			description: 'Named arguments of the function as a JSON object (e.g. {"p_days": 30})',
		},
	],
};
