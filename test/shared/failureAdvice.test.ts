import type { INode } from 'n8n-workflow';

import { attemptsText, notRepeatedText, serverErrorText, transportFailureError } from '../../nodes/shared/failureAdvice';
import { HttpStatusFailure, NetworkFailure, TruncatedBodyFailure } from '../../nodes/shared/http';

const node: INode = { id: '1', name: 'Node', type: 'n8n-nodes-nex.nexus', typeVersion: 1, position: [0, 0], parameters: {} };

describe('failure advice shared by both transports', () => {
	it('counts attempts only when the request was retried', () => {
		expect(attemptsText(undefined)).toBe('');
		expect(attemptsText(1)).toBe('');
		expect(attemptsText(3)).toBe(' after 3 attempts');
	});

	it('a write that is not safe to repeat says it was not repeated and where to check; a safe one says nothing', () => {
		expect(notRepeatedText('Nexus', true)).toBe('');
		expect(notRepeatedText('Nexus', false)).toMatch(/not repeated.*check in Nexus whether it did/);
		expect(serverErrorText('Nex', true, ' after 2 attempts')).toBe('Nex had a server error after 2 attempts; try again later.');
		expect(serverErrorText('Nex', false, '')).toMatch(/^Nex had a server error\. The request was not repeated/);
	});

	it('a cut-off body: run again only when safe, else check the result in the service', () => {
		const safe = transportFailureError(node, 'Nex', new TruncatedBodyFailure('{"da'), true, '');
		expect(safe?.message).toBe('Nex sent an incomplete answer');
		expect(safe?.description).toMatch(/Run the node again/);
		const unsafe = transportFailureError(node, 'Nexus', new TruncatedBodyFailure('{"da'), false, ' after 2 attempts');
		expect(unsafe?.message).toBe('Nexus sent an incomplete answer after 2 attempts');
		expect(unsafe?.description).toMatch(/check the result in Nexus instead of running the node again/);
	});

	it('a failed connection names the service and the code, and says whether the write was repeated', () => {
		const error = transportFailureError(node, 'Nexus', new NetworkFailure('ECONNRESET', 'socket hang up'), false, '');
		expect(error?.message).toMatch(/^Could not reach Nexus: /);
		expect(error?.description).toMatch(/\(ECONNRESET\).*not repeated/);
		expect(transportFailureError(node, 'Nex', new NetworkFailure('ETIMEDOUT', 'timeout'), true, '')?.description).not.toMatch(/not repeated/);
	});

	it('leaves every other failure to the transport', () => {
		expect(transportFailureError(node, 'Nex', new HttpStatusFailure(500, {}, {}, ''), true, '')).toBeUndefined();
		expect(transportFailureError(node, 'Nex', new Error('other'), true, '')).toBeUndefined();
	});
});
