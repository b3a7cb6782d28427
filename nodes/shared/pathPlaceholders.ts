import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { checkIntegerId } from './ids';
import { parameterText } from './parameters';
import { checkPathId, pathParametersOf } from './pathIds';

/**
 * The one way an id reaches a URL path: the operation's URL names it as a placeholder,
 * `/v1/lists/{listId}`, and declares its label. The executor checks every declared id before
 * anything is sent (`assertPathIds`); `fillPathIds` then puts the values in, trimmed and encoded.
 */

/** A parameter whose value goes into the URL path, and its name in the editor. */
export interface PathId {
	parameter: string;
	label: string;
	/** The field's own stricter check, run first (throws a NodeOperationError naming the field). */
	check?: (this: IExecuteSingleFunctions) => unknown;
}

/** A path id that must also be an integer id (digits only, 64-bit). */
export function integerPathId(parameter: string, label: string): PathId {
	return {
		parameter,
		label,
		check(this: IExecuteSingleFunctions) {
			checkIntegerId(this, this.getNodeParameter(parameter, '', { extractValue: true }), label);
		},
	};
}

/** Checks ids placed in a URL path before anything is sent (see `pathIds.ts`): an error naming the field. */
export function assertPathIds(context: IExecuteSingleFunctions, ids: PathId[] | undefined): void {
	for (const { parameter, label, check } of ids ?? []) {
		// A more specific rule of the field (a table name, a UUID) speaks first, with its own message.
		if (check) check.call(context);
		checkPathId(context.getNode(), context.getNodeParameter(parameter, undefined, { extractValue: true }), label);
	}
}

/**
 * For the routing factories: every parameter the URL takes its path from must be declared as a
 * path id (so `assertPathIds` checks it). An operation that forgets one fails when the node loads,
 * in every test, instead of sending `..` one day.
 */
export function assertDeclaredPathIds(url: string, ids: PathId[] | undefined): void {
	const declared = new Set((ids ?? []).map((id) => id.parameter));
	const missing = pathParametersOf(url).filter((parameter) => !declared.has(parameter));
	if (missing.length > 0) {
		throw new Error(`The URL ${url} takes ${missing.join(', ')} from parameters not declared in pathIds`);
	}
}

/** Whether the URL has `{name}` placeholders to fill. */
export function hasPlaceholders(url: string): boolean {
	return /\{\w+\}/.test(url) && !url.startsWith('=');
}

/**
 * preSend: fills the URL's `{name}` placeholders with the parameters' values, trimmed and
 * URL-encoded. n8n runs it before the executor, which refuses a bad id before anything is sent.
 */
export const fillPathIds: PreSendAction = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	options.url = options.url.replace(/\{(\w+)\}/g, (_match, parameter: string) => encodeURIComponent(parameterText(this, parameter)));
	return options;
};
