import type { IDataObject, IExecuteSingleFunctions, IHttpRequestMethods, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { listedItemLocator } from './idLocator';
import { nexRouting, type NexOperationSpec } from './transport';
import type { Operation } from '../../shared/operation';
import { invalidInput, readUpdateFields } from '../../shared/parameters';

/**
 * An item Nex lists in full and addresses by its id in the path (a task, a note, a rule): its
 * picker, path, scopes and the name a 404 gives it, declared once per resource. Its Get, Update
 * and Delete are requests on that one path.
 */
export interface ListedItem {
	/** The picker's label, e.g. "Note". */
	label: string;
	/** The picker's parameter, also the path's placeholder, e.g. "noteId". */
	parameter: string;
	/** What the item is called in messages, e.g. "note". */
	noun: string;
	path: string;
	scopes: { read: string; write: string };
	locator: INodeProperties;
}

export function listedItem(options: Omit<ListedItem, 'locator'> & { searchListMethod: string }): ListedItem {
	const { searchListMethod, ...item } = options;
	const locator = listedItemLocator({
		displayName: item.label,
		name: item.parameter,
		description: `The ${item.noun} to use`,
		searchListMethod,
	});
	return { ...item, locator };
}

/**
 * The routing of a request on one item: GET reads, other methods write. Every one is safe to
 * repeat: reading, setting the same fields again, or deleting what is already gone (the second
 * attempt may answer 404) leaves the item as the first attempt did.
 */
export function itemRouting(
	item: ListedItem,
	method: IHttpRequestMethods,
	checks: Pick<NexOperationSpec, 'validate' | 'transform'> = {},
): INodePropertyRouting {
	return nexRouting(
		{ method, url: item.path },
		{
			scope: method === 'GET' ? item.scopes.read : item.scopes.write,
			safeToRepeat: true,
			notFound: item.noun,
			pathIds: [{ parameter: item.parameter, label: item.label }],
			...checks,
		},
	);
}

/**
 * Delete of a note or task: Nex archives it. Nex answers with an empty 200, so the item says
 * which one was archived.
 */
export function archiveOperation(item: ListedItem): Operation {
	return {
		option: {
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${item.noun} (archived, gone from lists)`,
			description: `Archive a ${item.noun} (Nex keeps it with an archived date; it no longer appears in lists)`,
			routing: itemRouting(item, 'DELETE', {
				async transform() {
					const id = String(this.getNodeParameter(item.parameter, '', { extractValue: true }));
					return [{ id, deleted: true }];
				},
			}),
		},
		properties: [item.locator],
	};
}

/** The Title under an update's "Update Fields" (`readTitledUpdate` checks it). */
export const updatedTitleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	description: 'New title (cannot be empty)',
	routing: { send: { type: 'body', property: 'title' } },
};

/** An update's "Update Fields": at least one, and a Title given there must not be blank. */
export function readTitledUpdate(context: IExecuteSingleFunctions, item: ListedItem): IDataObject {
	const fields = readUpdateFields(context);
	if (fields.title !== undefined && String(fields.title).trim() === '') {
		throw invalidInput(context, 'Title is empty', `A ${item.noun} title cannot be empty: enter a new title or remove the field.`);
	}
	return fields;
}
