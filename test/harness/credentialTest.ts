import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, IHttpRequestOptions, INode, IWorkflowBase } from 'n8n-workflow';

import type { TestEngine } from './engine';

export interface CredentialTestResult {
	ok: boolean;
	statusCode?: number;
	message?: string;
	/** The credential data after the test (an exchanged token is saved into it, as n8n does). */
	data: ICredentialDataDecryptedObject;
}

/**
 * Runs a credential type's `test` request the way n8n's "Test credential" button does:
 * pre-authentication first (when the type has it), then the generic `authenticate`, then the
 * request; a 2xx answer passes.
 */
export async function testCredential(
	engine: TestEngine,
	type: string,
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const credentialType = engine.credentialTypes.get(type);
	if (!credentialType?.test) throw new Error(`${type} has no credential test`);
	let credentials = engine.credentials.withDefaults(type, data);
	const node: INode = {
		id: 'credential-test',
		name: 'Credential test',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const workflow = engine.workflow({ nodes: [node], connections: {} });
	const additionalData = engine.additionalData(
		'credential-test',
		{ id: 'credential-test', name: 'Credential test', nodes: [node], connections: {} } as unknown as IWorkflowBase,
		'internal',
	);
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	try {
		const refreshed = await engine.credentials.runPreAuthentication(context, credentials, type);
		if (refreshed) credentials = { ...credentials, ...refreshed };
		const request = engine.credentials.resolveWithCredentials(
			{ ...credentialType.test.request } as IHttpRequestOptions,
			credentials,
		);
		const authenticated = await engine.credentials.authenticate(credentials, type, {
			...request,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		const response = (await context.helpers.httpRequest(authenticated)) as { statusCode: number; body: unknown };
		const ok = response.statusCode >= 200 && response.statusCode < 300;
		return {
			ok,
			statusCode: response.statusCode,
			message: ok ? 'Connection tested successfully' : JSON.stringify(response.body).slice(0, 300),
			data: credentials,
		};
	} catch (error) {
		return { ok: false, message: error instanceof Error ? error.message : String(error), data: credentials };
	}
}
