import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireIntegerId } from '../../shared/inputChecks';
import { nexRouting } from '../../shared/transport';
import { CONTEXT_SCOPE, withArtifactId } from './artifact';

export const option: INodePropertyOptions = {
	name: 'Get Artifact',
	value: 'getArtifact',
	action: 'Get the result of processed text',
	description:
		'Get the status and results (extracted entities, counts) of text sent with Add Text; status is pending, processing, completed or failed',
	routing: nexRouting(
		{ method: 'GET', url: '=/v1/context/artifacts/{{encodeURIComponent(String($parameter.artifactId).trim())}}' },
		{
			scope: CONTEXT_SCOPE,
			safeToRepeat: true,
			pathIds: [{ parameter: 'artifactId', label: 'Artifact ID' }],
			notFound: 'artifact',
			validate(this: IExecuteSingleFunctions) {
				requireIntegerId(this, 'artifactId', 'Artifact ID');
			},
			async transform(items) {
				const artifactId = String(this.getNodeParameter('artifactId', '')).trim();
				return items.map((artifact) => withArtifactId(artifactId, artifact));
			},
		},
	),
};

export const properties: INodeProperties[] = updateDisplayOptions({ show: { resource: ['context'], operation: ['getArtifact'] } }, [
	{
		displayName: 'Artifact ID',
		name: 'artifactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 32710180831586561',
		description: 'The artifact_id that Add Text returned',
	},
]);
