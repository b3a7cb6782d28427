import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toItems } from '../../../shared/http';
import type { Operation } from '../../../shared/operation';
import { withMcpClient } from '../../shared/mcpClient';
import { readToolArguments } from '../../shared/mcpArguments';
import { toolValueOf } from '../../shared/mcpProtocol';
import { nexusExecutor } from '../../shared/transport';

/** JSON stays the default: workflows saved before the field mapping keep their arguments. */
const ARGUMENTS_MODES = [
	{ name: 'JSON', value: 'json', description: 'The arguments as one JSON object' },
	{ name: 'Map Each Field', value: 'fields', description: "A field for each argument of the tool's input schema" },
];

/**
 * Any tool of the vendor's hosted MCP server, by name: the list is read from the server, so a
 * tool added there works without a new release of the node.
 */
export const runTool: Operation = {
	option: {
		name: 'Run Tool',
		value: 'runTool',
		action: 'Run an MCP tool',
		description: "Call a tool of Nexus's MCP server with its arguments (JSON, or each field mapped); outputs its result (a list gives one item per entry)",
		routing: nexusExecutor.programmatic({
			// tools/call is sent once unless the server marks the tool read-only (mcpClient.ts).
			safeToRepeat: false,
			what: 'MCP tool',
			async validate() {
				readTool(this);
				readToolArguments(this);
			},
			async run() {
				const name = readTool(this);
				const args = readToolArguments(this);
				const result = await withMcpClient(this, async (client) => await client.callTool(this, name, args));
				return toItems(toolValueOf(result)).map((item) => item.json);
			},
		}),
	},
	properties: [
		{
			displayName: 'Tool Name or ID',
			name: 'tool',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getMcpTools' },
			required: true,
			default: '',
			description:
				'The MCP tool to run, as the server lists it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{ displayName: 'Arguments Mode', name: 'argumentsMode', type: 'options', options: ARGUMENTS_MODES, default: 'json', description: 'How the arguments of the tool are given' },
		{
			displayName: 'Arguments',
			name: 'arguments',
			type: 'json',
			default: '{}',
			displayOptions: { show: { argumentsMode: ['json'] } },
			description: 'The arguments of the tool as a JSON object, as its input schema describes them (e.g. {"limit": 10})',
		},
		{
			displayName: 'Arguments',
			name: 'toolArguments',
			type: 'resourceMapper',
			noDataExpression: true,
			default: { mappingMode: 'defineBelow', value: null },
			required: true,
			displayOptions: { show: { argumentsMode: ['fields'] } },
			typeOptions: {
				loadOptionsDependsOn: ['tool'],
				resourceMapper: {
					resourceMapperMethod: 'getMcpToolFields',
					mode: 'add',
					fieldWords: { singular: 'argument', plural: 'arguments' },
					addAllFields: true,
					multiKeyMatch: false,
					supportAutoMap: false,
				},
			},
		},
	],
};

function readTool(context: Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>): string {
	const value = context.getNodeParameter('tool', '');
	const name = typeof value === 'string' ? value.trim() : '';
	if (name === '') {
		throw new NodeOperationError(context.getNode(), 'Tool Name or ID: choose a tool', {
			description: 'Pick the MCP tool to run from the list, or give its name with an expression. Nothing was sent.',
		});
	}
	return name;
}
