import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NodeRef, ParameterContext } from './context';

/** Reading what the user entered: one way for every operation of both nodes. */

/** An error about a value the user entered (nothing is sent). */
export function invalidInput(context: NodeRef, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { description });
}

/** A value as text ('' for nothing), without trimming. */
export function asText(value: unknown): string {
	if (value === undefined || value === null) return '';
	return typeof value === 'string' ? value : String(value);
}

/** A parameter's value as trimmed text: resource locators give their value; numbers from expressions become digits. */
export function parameterText(context: Pick<ParameterContext, 'getNodeParameter'>, parameter: string): string {
	return asText(context.getNodeParameter(parameter, '', { extractValue: true })).trim();
}

/**
 * Reads an optional field, e.g. `additionalFields.dueDate` (a collection's field that was not
 * added is absent, not empty); undefined when not set or blank.
 */
export function optionalParameter(context: Pick<ParameterContext, 'getNodeParameter'>, parameter: string): unknown {
	const [top, ...rest] = parameter.split('.');
	let value = context.getNodeParameter(top, undefined);
	for (const key of rest) {
		value = value !== null && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
	}
	return value === '' || value === null ? undefined : value;
}

/** A required text parameter that must not be blank (returned as typed). */
export function requireText(context: ParameterContext, parameter: string, label: string): string {
	const value = asText(context.getNodeParameter(parameter, ''));
	if (value.trim() === '') {
		throw invalidInput(context, `${label} is empty`, `Enter the ${label} (or an expression that gives it).`);
	}
	return value;
}

/**
 * The "Update Fields" collection of an update, which must hold at least one field: else an error
 * saying what to add (nothing is sent).
 */
export function readUpdateFields(context: ParameterContext, advice = 'Add at least one field to change under "Update Fields".'): IDataObject {
	const fields = context.getNodeParameter('updateFields', {}) as IDataObject;
	if (Object.keys(fields).length === 0) throw invalidInput(context, 'Update Fields is empty', advice);
	return fields;
}

/** Splits "1, 2,3" (or takes an array) into trimmed, non-empty strings. */
export function splitList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(asText) : asText(value).split(',');
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Text parameters that must not be empty. */
export function assertFilled(context: ParameterContext, fields: Array<{ parameter: string; label: string }>): void {
	for (const { parameter, label } of fields) {
		if (parameterText(context, parameter) === '') {
			throw invalidInput(context, `${label} is empty`, `Enter the ${label} (or an expression that gives it).`);
		}
	}
}
