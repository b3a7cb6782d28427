import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { nexApiRequest } from '../../shared/transport';
import { TASK_SCOPE_READ } from './fields';

const SEARCH_PAGE_SIZE = 100;

/** Tasks for the "Task" dropdown: newest first, filtered by title, paged by offset. */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { limit: SEARCH_PAGE_SIZE, offset: Number(paginationToken ?? 0) || 0 };
	if (filter) qs.search = filter;
	const answer = (await nexApiRequest.call(this, 'GET', '/v1/tasks', {
		scope: TASK_SCOPE_READ,
		safeToRepeat: true,
	}, { qs })) as IDataObject;
	const tasks = Array.isArray(answer?.data) ? (answer.data as IDataObject[]) : [];
	return {
		results: tasks.map((task) => ({
			name: `${String(task.title ?? task.id)}${task.is_completed ? ' (done)' : ''}`,
			value: String(task.id),
		})),
		paginationToken: answer?.has_more && typeof answer.next_offset === 'number' ? String(answer.next_offset) : undefined,
	};
}
