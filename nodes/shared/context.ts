import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IGetNodeParameterOptions,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

/**
 * What the shared request machinery uses of an n8n context. Declared structurally, and loosely
 * enough that an operation's, a load-options method's, a poller's and a trigger's context all
 * fit as they are: no cast anywhere.
 */
export interface NodeContext {
	getNode(): INode;
	/** Read with a fallback; an execute context's `(name, itemIndex, fallback)` fits too (its reads stay its own). */
	getNodeParameter(parameterName: string, fallbackValue?: unknown, options?: IGetNodeParameterOptions): unknown;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	helpers: {
		httpRequestWithAuthentication(
			this: NodeContext,
			credentialsType: string,
			requestOptions: IHttpRequestOptions,
			additionalCredentialOptions?: IAdditionalCredentialOptions,
		): Promise<unknown>;
	};
}

/** Enough to build an error that names the node. */
export type NodeRef = Pick<NodeContext, 'getNode'>;

/** Enough to read parameters and name the node in an error. */
export type ParameterContext = Pick<NodeContext, 'getNode' | 'getNodeParameter'>;
