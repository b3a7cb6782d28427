import { NodeOperationError, type INode } from 'n8n-workflow';

import { quoteValue } from './quote';

/**
 * A count the user sets (Limit, Max Nodes, Max Results...): one rule for every operation of both
 * nodes, checked before anything is sent. A whole number within [min, max]; digits typed as text
 * (an expression's result) count too. 0, negative and fractional values are refused, never
 * rounded, sent as they are, or read as "no items".
 */
export function checkWholeNumber(node: INode, value: unknown, label: string, min: number, max?: number): number {
	const number =
		typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
	if (Number.isInteger(number) && number >= min && (max === undefined || number <= max)) return number;
	const range = max === undefined ? `of at least ${min}` : `between ${min} and ${max}`;
	throw new NodeOperationError(node, `${label} must be a whole number ${range}, not ${quoteValue(value)}`, {
		description: `Set ${label} to a whole number ${range}. Nothing was sent.`,
	});
}
