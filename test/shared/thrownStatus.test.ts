/**
 * A status n8n threw (Nexus lets n8n throw statuses so a 401 refreshes the token): the vendor's
 * body must reach the transport on every n8n line. n8n 2.x keeps the request library's error as
 * the cause (the workflow tests run on it); n8n 1.x drops the cause and keeps only a body that is
 * an object (bytes are), as `context.data`.
 */
import { HttpStatusFailure } from '../../nodes/shared/http';
import { asTransportFailure } from '../../nodes/shared/request';

const VENDOR_BODY = { code: 'PGRST116', details: 'The result contains 0 rows', hint: null, message: 'Cannot coerce the result to a single JSON object' };

test("n8n 1.x's error for a 406 (no cause, the body's bytes as context.data): the vendor's code and message are kept", () => {
	const thrown = Object.assign(new Error('Your request is invalid or could not be processed by the service'), {
		httpCode: '406',
		description: 'Request failed with status code 406',
		context: { data: Buffer.from(JSON.stringify(VENDOR_BODY)) },
	});
	const failure = asTransportFailure(thrown);
	expect(failure).toBeInstanceOf(HttpStatusFailure);
	expect({ status: (failure as HttpStatusFailure).status, body: (failure as HttpStatusFailure).body }).toEqual({ status: 406, body: VENDOR_BODY });
});
