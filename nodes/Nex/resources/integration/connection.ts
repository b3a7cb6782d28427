import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import type { JobStatusRules } from '../../shared/waitForJob';
import { encodePathId } from '../../../shared/pathIds';
import { invalidInput } from '../../../shared/parameters';

export const INTEGRATION_SCOPE_READ = 'integration.read';
export const INTEGRATION_SCOPE_WRITE = 'integration.write';

/** A connection attempt is `pending` until the user finished the consent, then `connected`. */
export const CONNECT_STATUS_RULES: JobStatusRules = { done: ['connected'], failed: ['failed', 'error', 'expired'] };

/** The wait of Connect and Get Connect Status: off by default, as consent may take a person minutes. */
export const CONNECTION_WAIT = {
	displayName: 'Wait for Connection',
	what: 'the connection to be completed',
	defaultWait: false,
	defaultTimeoutSeconds: 600,
};

/** A connect id is an opaque token: it only has to be non-blank. */
export function checkConnectId(context: Pick<IExecuteSingleFunctions, 'getNode'>, value: unknown): string {
	const connectId = value === undefined || value === null ? '' : String(value).trim();
	if (connectId === '') {
		throw invalidInput(context, 'Connect ID is empty', 'Enter the connect_id that Integration → Connect returned.');
	}
	return connectId;
}

/** Reads the status of a connection attempt once (410 when it is older than 10 minutes). */
export async function readConnectStatus(context: IExecuteSingleFunctions, connectId: string): Promise<IDataObject> {
	const answer = (await nexApiRequest.call(
		context,
		'GET',
		`/v1/integrations/connect/${encodePathId(context.getNode(), connectId, 'Connect ID')}/status`,
		{ scope: INTEGRATION_SCOPE_READ, safeToRepeat: true, notFound: 'connection attempt' },
	)) as IDataObject | null;
	return { connect_id: connectId, ...(answer ?? {}) };
}
