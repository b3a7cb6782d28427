import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { Operation } from '../../../shared/operation';
import { nexRouting } from '../../shared/transport';
import { followStartedJob, readWaitSettings, waitProperties } from '../../shared/waitForJob';
import { ARTIFACT_STATUS_RULES, CONTEXT_SCOPE, readArtifact, withArtifactId } from './artifact';
import { requireText } from '../../../shared/parameters';
import { additionalFieldsCollection } from '../../../shared/collections';
import { requiredBodyText } from '../../../shared/bodyFields';

const show = { resource: ['context'], operation: ['addText'] };

export const contextAddText: Operation = {
	option: {
		name: 'Add Text',
		value: 'addText',
		action: 'Add text for the AI to extract people, companies and insights',
		description:
			'Send unstructured text (meeting notes, an email, a conversation) for the AI to extract people, companies, relationships and insights from',
		routing: nexRouting(
			{ method: 'POST', url: '/v1/context/text' },
			{
				scope: CONTEXT_SCOPE,
				safeToRepeat: false,
				validate(this: IExecuteSingleFunctions) {
					requireText(this, 'content', 'Text');
					readWaitSettings(this, true);
				},
				transform: followStartedJob({
					idField: 'artifact_id',
					defaultWait: true,
					accepted: 'Nex accepted the text',
					waitSwitch: 'Wait for Completion',
					watch(artifactId) {
						return {
							label: `artifact ${artifactId}`,
							rules: ARTIFACT_STATUS_RULES,
							poll: async () => await readArtifact(this, artifactId),
							readLater: 'the Context → Get Artifact operation',
						};
					},
					result: (_started, artifact, artifactId) => withArtifactId(artifactId, artifact),
				}),
			},
		),
	},
	properties: [
		requiredBodyText('Text', 'content', {
			placeholder: 'e.g. Had a great call with John Smith from Acme Corp. He wants a demo next week.',
			description: 'The unstructured text to process',
			rows: 6,
		}),
		additionalFieldsCollection([
			{
				displayName: 'Context',
				name: 'context',
				type: 'string',
				default: '',
				placeholder: 'e.g. Sales call notes',
				description: 'Where the text comes from or what it is, to help the AI read it',
				routing: { send: { type: 'body', property: 'context' } },
			},
		]),
		...waitProperties(show, {
			displayName: 'Wait for Completion',
			what: 'the text to be processed',
			defaultWait: true,
			defaultTimeoutSeconds: 120,
			waitDescription:
				'Whether to wait until Nex has processed the text (usually 10–60 seconds) and return the finished artifact with what was extracted. Off returns the artifact ID at once; read it later with Get Artifact.',
		}),
	],
};
