import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class NexApi implements ICredentialType {
	name = 'nexApi';

	displayName = 'Nex API';

	icon: Icon = { light: 'file:../nodes/Nex/nex.svg', dark: 'file:../nodes/Nex/nex.dark.svg' };

	documentationUrl = 'https://docs.nex.ai/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Nex Developer API key (Settings → API Keys in Nex). Give it the scopes the operations you use need, e.g. record.read and record.write.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.nex.ai/api/developers',
			description: 'Root of the Developer API; every path starts with /v1/. Change it only for a proxy or a private deployment.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Listing object types needs only object.read, the narrowest scope any useful key has.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/objects',
			method: 'GET',
		},
	};
}
