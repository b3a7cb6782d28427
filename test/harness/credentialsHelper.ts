import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow as WorkflowClass } from 'n8n-workflow';

import { NodeTypeRegistry } from './nodeTypes';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What the harness saw the engine do with credentials, for tests that prove refresh behaviour. */
export interface CredentialEvents {
	preAuthenticationCalls: Array<{ type: string; expired: boolean; exchanged: boolean }>;
	updates: Array<{ id: string; type: string }>;
}

const EXPRESSION_NODE: INode = {
	id: 'credential-expression',
	name: 'Credential',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * The harness's own credentials helper: keeps decrypted credentials in memory by id and
 * resolves them as n8n does: property defaults, generic `authenticate` expressions, and
 * `preAuthentication` with the hidden expirable field (exchange when empty or when the engine
 * reports the token expired after a 401, then save the new token).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();

	private readonly expressionWorkflow = new WorkflowClass({
		nodes: [EXPRESSION_NODE],
		connections: {},
		active: false,
		nodeTypes: new NodeTypeRegistry(),
	});

	readonly events: CredentialEvents = { preAuthenticationCalls: [], updates: [] };

	constructor(private readonly credentialTypes: Map<string, ICredentialType>) {
		super();
	}

	put(credential: StoredCredential): void {
		this.store.set(credential.id, { ...credential, data: { ...credential.data } });
	}

	get(id: string): StoredCredential | undefined {
		return this.store.get(id);
	}

	private typeOf(name: string): ICredentialType {
		const type = this.credentialTypes.get(name);
		if (!type) throw new Error(`Unknown credential type: ${name}`);
		return type;
	}

	/** Stored data with the type's defaults filled in, as n8n hands it to nodes. */
	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const result: ICredentialDataDecryptedObject = {};
		for (const property of this.typeOf(type).properties) {
			if (property.default !== undefined) result[property.name] = property.default as never;
		}
		return { ...result, ...data };
	}

	private resolve(value: unknown, credentials: ICredentialDataDecryptedObject): unknown {
		if (typeof value === 'string' && value.startsWith('=')) {
			return this.expressionWorkflow.expression.getSimpleParameterValue(
				EXPRESSION_NODE,
				value,
				'internal',
				{ $credentials: credentials } as never,
			);
		}
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return Object.fromEntries(
				Object.entries(value).map(([key, inner]) => [key, this.resolve(inner, credentials)]),
			);
		}
		return value;
	}

	/** Resolves `={{$credentials.x}}` expressions in any value (used for credential test requests). */
	resolveWithCredentials<T>(value: T, credentials: ICredentialDataDecryptedObject): T {
		return this.resolve(value, credentials) as T;
	}

	getParentTypes(name: string): string[] {
		return this.typeOf(name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		_workflow?: Workflow,
		_node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.typeOf(typeName);
		const options = { ...requestOptions } as IHttpRequestOptions;
		const authenticate = type.authenticate;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, options);
		}
		if (authenticate && authenticate.type === 'generic') {
			const { headers, qs, body, auth } = authenticate.properties as Record<string, unknown>;
			if (headers) options.headers = { ...(options.headers ?? {}), ...(this.resolve(headers, credentials) as object) };
			if (qs) options.qs = { ...(options.qs ?? {}), ...(this.resolve(qs, credentials) as object) };
			if (body && typeof options.body === 'object') {
				options.body = { ...(options.body as object), ...(this.resolve(body, credentials) as object) };
			}
			if (auth) options.auth = this.resolve(auth, credentials) as IHttpRequestOptions['auth'];
		}
		return options;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable) return undefined;
		const current = credentials[expirable.name];
		const mustExchange = credentialsExpired || current === undefined || current === '';
		this.events.preAuthenticationCalls.push({ type: typeName, expired: credentialsExpired, exchanged: mustExchange });
		if (!mustExchange) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		const id = node.credentials?.[typeName]?.id;
		if (id) {
			const stored = this.store.get(id);
			if (stored) {
				stored.data = { ...stored.data, ...(output as ICredentialDataDecryptedObject) };
				this.events.updates.push({ id, type: typeName });
			}
		}
		return output as ICredentialDataDecryptedObject;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.typeOf(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return (await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.mustGet(nodeCredentials, type);
		return {
			id: stored.id,
			name: stored.name,
			type: stored.type,
			getData: () => ({ ...stored.data }),
			getDataToSave: () => ({ id: stored.id, name: stored.name, type: stored.type, data: '' }),
			setData: (data: ICredentialDataDecryptedObject) => {
				stored.data = { ...data };
			},
		} as unknown as ICredentials;
	}

	private mustGet(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const stored = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!stored || stored.type !== type) {
			throw new Error(`Credential "${nodeCredentials.name}" of type ${type} is not known to the harness`);
		}
		return stored;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode?: unknown,
		_executeData?: unknown,
		_raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.mustGet(nodeCredentials, type);
		return this.withDefaults(type, stored.data);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.mustGet(nodeCredentials, type);
		stored.data = { ...data };
		this.events.updates.push({ id: stored.id, type });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		await this.updateCredentials(nodeCredentials, type, data);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.typeOf(type).properties;
	}
}
