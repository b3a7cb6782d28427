import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/**
 * The trigger's workflow static data: one entry, tagged with what it watches (`records:person`,
 * `tasks:` plus the assignee), so that watching something else starts from a new baseline instead
 * of judging it with another listing's memory. Written only after a complete scan.
 */

const STATE_VERSION = 1;

export function loadState(context: IPollFunctions, watched: string): IDataObject | undefined {
	const saved = context.getWorkflowStaticData('node').watching as IDataObject | undefined;
	if (!saved || saved.version !== STATE_VERSION || saved.watched !== watched) return undefined;
	return saved;
}

export function saveState(context: IPollFunctions, watched: string, state: IDataObject): void {
	context.getWorkflowStaticData('node').watching = { ...state, version: STATE_VERSION, watched };
}

/** Rows of a listing answer's `data`, each with a string `id` (ids are strings in Nex answers). */
export function rowsOf(answer: unknown): IDataObject[] {
	const data = (answer as IDataObject | null)?.data;
	if (!Array.isArray(data)) return [];
	return data.filter((row): row is IDataObject => row !== null && typeof row === 'object' && typeof (row as IDataObject).id === 'string');
}
