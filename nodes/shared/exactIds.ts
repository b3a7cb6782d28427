import { NodeOperationError, type IExecuteSingleFunctions, type INodeProperties } from 'n8n-workflow';

import { quoteValue } from './quote';

/**
 * Ids above 2^53 given as numbers. An expression such as `{{ 32414268188027655 }}`, or a JSON
 * number read by a node that does not keep ids exact, is rounded to the nearest double before
 * this node sees it (…656), and would address another record. Nothing can recover the digits,
 * so such a number in any id field is refused, with the advice to pass the id as text.
 */

/** Keys that hold ids: `id`, `ids`, `recordId`, `entity_ids`, `listIds`... */
const ID_KEY = /(^ids?$|Ids?$|_ids?$)/;

export interface InexactId {
	/** Where it sits, e.g. `recordId` or `additionalFields.entity_ids[1]`. */
	path: string;
	value: number;
}

/** The first id-like field holding an integer beyond the exact range of a double, or undefined. */
export function findInexactId(value: unknown, path: string, idContext = ID_KEY.test(path)): InexactId | undefined {
	if (typeof value === 'number') {
		return idContext && Number.isInteger(value) && !Number.isSafeInteger(value) ? { path, value } : undefined;
	}
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			const found = findInexactId(value[index], `${path}[${index}]`, idContext);
			if (found !== undefined) return found;
		}
		return undefined;
	}
	if (value !== null && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		// A resource locator's value belongs to the parameter that holds it.
		if (record.__rl === true) return findInexactId(record.value, path, idContext);
		for (const [key, entry] of Object.entries(record)) {
			const found = findInexactId(entry, path === '' ? key : `${path}.${key}`, ID_KEY.test(key));
			if (found !== undefined) return found;
		}
	}
	return undefined;
}

/** Display names of each node's parameters (by the node's name), so errors name fields as the editor shows them. */
const parameterLabels = new Map<string, Map<string, string>>();

/** Called once by each node with its properties. */
export function registerParameterLabels(nodeName: string, properties: INodeProperties[]): void {
	const labels = new Map<string, string>();
	for (const property of properties) if (!labels.has(property.name)) labels.set(property.name, property.displayName);
	parameterLabels.set(nodeName, labels);
}

function labelOf(nodeType: string, path: string): string {
	const [top, ...rest] = path.split('.');
	const labels = parameterLabels.get(nodeType.split('.').pop() ?? '');
	const label = labels?.get(top.replace(/\[\d+\]$/, ''));
	return label === undefined ? path : [label, ...rest].join(' → ');
}

/** Refuses, before anything is sent, an operation whose id fields hold a number above 2^53. */
export function assertExactIdNumbers(context: Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>): void {
	for (const name of Object.keys(context.getNode().parameters ?? {})) {
		let value: unknown;
		try {
			value = context.getNodeParameter(name, undefined);
		} catch {
			// A parameter of another operation whose expression cannot be resolved here is not sent.
			continue;
		}
		const inexact = findInexactId(value, name);
		if (inexact === undefined) continue;
		throw new NodeOperationError(
			context.getNode(),
			`${labelOf(context.getNode().type, inexact.path)} is a number above 2^53 (${quoteValue(inexact.value)}), which was rounded before the node saw it`,
			{
			description:
				'Numbers this large lose their last digits in JavaScript, so this id would address a different item. Pass the id as text: type it as it is, or keep it a string in the expression (quote it, or read it from a field that holds it as text). Nothing was sent.',
			},
		);
	}
}
