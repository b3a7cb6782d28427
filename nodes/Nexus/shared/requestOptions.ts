import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsCollection } from '../../shared/requestOptionsCollection';

/** The Nexus node's "Request Options" (timeout, retries). */
export const requestOptionsProperty: INodeProperties = requestOptionsCollection(
	'How often to retry when Nexus answers 429 (rate limited, waiting for Retry-After), or 502/503/504 or a dropped connection for requests that are safe to repeat',
);
