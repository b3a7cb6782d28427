import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import type { JobStatusRules } from '../../shared/waitForJob';
import { encodePathId } from '../../../shared/pathIds';

/** Every /v1/context endpoint needs this scope. */
export const CONTEXT_SCOPE = 'insight.stream';

/** Artifact statuses: unknown, pending, processing, completed, failed. */
export const ARTIFACT_STATUS_RULES: JobStatusRules = { done: ['completed'], failed: ['failed'] };

/** Reads an artifact once; the answer carries the artifact id it was asked for. */
export async function readArtifact(context: IExecuteSingleFunctions, artifactId: string): Promise<IDataObject> {
	const answer = (await nexApiRequest.call(
		context,
		'GET',
		`/v1/context/artifacts/${encodePathId(context.getNode(), artifactId, 'Artifact ID')}`,
		{ scope: CONTEXT_SCOPE, safeToRepeat: true, notFound: 'artifact' },
	)) as IDataObject | null;
	return withArtifactId(artifactId, answer ?? {});
}

/** The artifact answer does not repeat its own id: put it first so items say which artifact they are. */
export function withArtifactId(artifactId: string, artifact: IDataObject): IDataObject {
	return { artifact_id: artifactId, ...artifact };
}
