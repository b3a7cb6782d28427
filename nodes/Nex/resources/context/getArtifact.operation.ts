import type { Operation } from '../../../shared/operation';
import { integerPathId } from '../../../shared/pathPlaceholders';
import { nexRouting } from '../../shared/transport';
import { CONTEXT_SCOPE, withArtifactId } from './artifact';

export const contextGetArtifact: Operation = {
	option: {
		name: 'Get Artifact',
		value: 'getArtifact',
		action: 'Get the status and entities extracted from added text',
		description:
			'Get the status and results (extracted entities, counts) of text sent with Add Text; status is pending, processing, completed or failed',
		routing: nexRouting(
			{ method: 'GET', url: '/v1/context/artifacts/{artifactId}' },
			{
				scope: CONTEXT_SCOPE,
				safeToRepeat: true,
				pathIds: [integerPathId('artifactId', 'Artifact ID')],
				notFound: 'artifact',
				async transform(items) {
					const artifactId = String(this.getNodeParameter('artifactId', '')).trim();
					return items.map((artifact) => withArtifactId(artifactId, artifact));
				},
			},
		),
	},
	properties: [
		{
			displayName: 'Artifact ID',
			name: 'artifactId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 32710180831586561',
			description: 'The artifact_id that Add Text returned: a numeric ID (digits only; it may exceed 2^53, so pass it as text)',
		},
	],
};
