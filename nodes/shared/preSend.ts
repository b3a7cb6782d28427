import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { toRfc3339 } from './dateTime';
import { splitList } from './parameters';

/** preSend steps that put a parameter into the request in the form the API reads. */

type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

function targetOf(requestOptions: IHttpRequestOptions, location: 'body' | 'qs'): IDataObject {
	const current = requestOptions[location];
	if (!current || typeof current !== 'object' || Array.isArray(current)) requestOptions[location] = {};
	return requestOptions[location] as IDataObject;
}

/**
 * Sends a date-time parameter as RFC 3339 UTC in field `property` of the body or query. A value
 * that is not a date is left as typed: the operation's input check rejects it before anything is sent.
 */
export function sendDateTime(parameter: string, property: string, location: 'body' | 'qs' = 'body'): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '') as unknown;
		targetOf(requestOptions, location)[property] = toRfc3339(value, this.getTimezone()) ?? (value as string);
		return requestOptions;
	};
}

/** Sends a comma-separated (or array) parameter as an array of strings in body field `property`. */
export function sendList(parameter: string, property: string): PreSend {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		targetOf(requestOptions, 'body')[property] = splitList(this.getNodeParameter(parameter, '') as unknown);
		return requestOptions;
	};
}
