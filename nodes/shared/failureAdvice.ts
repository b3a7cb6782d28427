import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { NetworkFailure, networkFailureText, TruncatedBodyFailure } from './http';

/**
 * What both transports say about failures that are not the service's own answer (a cut-off body,
 * a dropped connection) and about writes that may already have taken effect. `service` is the
 * name the user knows ("Nex", "Nexus"); `safeToRepeat` is the call's: a write that is not safe
 * to repeat was sent once only, and the advice must not be to simply run the node again.
 */

/** " after 3 attempts" when the request was retried, else ''. */
export function attemptsText(attempts: number | undefined): string {
	return attempts && attempts > 1 ? ` after ${attempts} attempts` : '';
}

/** The sentence added after a failure that may have come after the service acted. */
export function notRepeatedText(service: string, safeToRepeat: boolean | undefined): string {
	return safeToRepeat
		? ''
		: ` The request was not repeated, because it may already have taken effect: check in ${service} whether it did before running the node again.`;
}

/** The advice for a 5xx answer. */
export function serverErrorText(service: string, safeToRepeat: boolean | undefined, tries: string): string {
	return safeToRepeat ? `${service} had a server error${tries}; try again later.` : `${service} had a server error.${notRepeatedText(service, safeToRepeat)}`;
}

/** The error for a cut-off body or a failed connection; undefined for any other failure. */
export function transportFailureError(
	node: INode,
	service: string,
	error: unknown,
	safeToRepeat: boolean | undefined,
	tries: string,
): NodeApiError | undefined {
	if (error instanceof TruncatedBodyFailure) {
		return new NodeApiError(node, { message: error.message }, {
			message: `${service} sent an incomplete answer${tries}`,
			description: safeToRepeat
				? 'The response body was cut off before its JSON ended, so no partial result is returned. Run the node again.'
				: `${service} answered that the request succeeded, but the answer was cut off before its JSON ended. The request was not repeated: check the result in ${service} instead of running the node again, which would do it twice.`,
		});
	}
	if (error instanceof NetworkFailure) {
		return new NodeApiError(node, { message: error.message }, {
			message: `Could not reach ${service}${tries}: ${networkFailureText(error.code)}`,
			description: `The connection failed, was reset or timed out before a complete answer arrived (${error.code}), so no partial result is returned. Check the base URL in the credential and the timeout under Request Options.${notRepeatedText(service, safeToRepeat)}`,
		});
	}
	return undefined;
}
