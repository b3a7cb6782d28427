import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readAttributes } from './attributeValues';
import type { Show } from '../../../shared/operation';
import { parameterText } from '../../../shared/parameters';
import { optionsCollection } from '../../../shared/collections';

/**
 * Request bodies of the record and list-entry writes. `readAttributes` checks the input twice on
 * purpose: the preSend (run by n8n before the executor) builds the body and ignores bad input,
 * and the executor's `validate` step raises it, before anything is sent, so a bad field reaches
 * the user the same way as every other input error (and as an item with "Continue On Fail").
 */

/** preSend: sets `attributes` (and `extra` body fields from parameters) in the body. */
export function attributesBodyPreSend(required: boolean, extra: Record<string, string> = {}): PreSendAction {
	return async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
		const body = (request.body ?? {}) as IDataObject;
		for (const [key, parameter] of Object.entries(extra)) {
			body[key] = parameterText(this, parameter);
		}
		try {
			const attributes = readAttributes(this, required);
			if (required || Object.keys(attributes).length > 0) body.attributes = attributes;
		} catch {
			// Reported by the matching validate step (attributesValidate) before anything is sent.
		}
		request.body = body;
		return request;
	};
}

/** `validate` step matching `attributesBodyPreSend`. */
export function attributesValidate(required: boolean) {
	return function (this: IExecuteSingleFunctions): void {
		readAttributes(this, required);
	};
}

/** Which attributes a listing returns (`attributes` in ListRecordsRequest). */
export function listingOptionsField(
	show: Show,
	attributeSource: { loadOptionsMethod: string; loadOptionsDependsOn: string[] } | undefined,
): INodeProperties {
	const slugsField: INodeProperties = attributeSource
		? {
				displayName: 'Attribute Names or IDs',
				name: 'attributeSlugs',
				type: 'multiOptions',
				typeOptions: attributeSource,
				default: [],
				displayOptions: { show: { attributeSet: ['custom'] } },
				description:
					'Attributes to return with "Custom" selected. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}
		: {
				displayName: 'Attribute Slugs',
				name: 'attributeSlugs',
				type: 'string',
				default: '',
				placeholder: 'e.g. name, email_addresses',
				displayOptions: { show: { attributeSet: ['custom'] } },
				description: 'Comma-separated slugs of the attributes to return with "Custom" selected',
			};
	const sortAttribute: INodeProperties = attributeSource
		? {
				displayName: 'Attribute Name or ID',
				name: 'attribute',
				type: 'options',
				typeOptions: attributeSource,
				default: '',
				description:
					'Attribute to sort by (created_at and updated_at also work). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}
		: {
				displayName: 'Attribute',
				name: 'attribute',
				type: 'string',
				default: '',
				placeholder: 'e.g. name',
				description: 'Slug or ID of the attribute to sort by (created_at and updated_at also work)',
			};
	return optionsCollection([
		{
			displayName: 'Attributes to Return',
			name: 'attributeSet',
			type: 'options',
			default: 'all',
			description: 'Which attribute values each record carries',
			options: [
				{ name: 'All', value: 'all' },
				{ name: 'Custom', value: 'custom', description: 'Only the attributes chosen below' },
				{ name: 'None', value: 'none', description: 'Only IDs and timestamps' },
				{ name: 'Primary', value: 'primary', description: 'Only the name' },
			],
		},
		slugsField,
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			default: {},
			placeholder: 'Add Sort',
			description: 'Order of the records; without it Nex returns them in creation order',
			options: [
				{
					displayName: 'Sort',
					name: 'value',
					values: [
						sortAttribute,
						{
							displayName: 'Direction',
							name: 'direction',
							type: 'options',
							default: 'asc',
							options: [
								{ name: 'Ascending', value: 'asc' },
								{ name: 'Descending', value: 'desc' },
							],
						},
					],
				},
			],
		},
	], show);
}

function slugList(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim()).filter((part) => part !== '');
}

/** preSend of the listings: `attributes` and `sort` from the Options collection. */
export const listingBodyPreSend: PreSendAction = async function (this: IExecuteSingleFunctions, request: IHttpRequestOptions) {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const body = (request.body ?? {}) as IDataObject;
	const attributeSet = (options.attributeSet as string | undefined) ?? 'all';
	body.attributes = attributeSet === 'custom' ? { mode: 'custom', slugs: slugList(options.attributeSlugs) } : attributeSet;
	const sort = (options.sort as IDataObject | undefined)?.value as IDataObject | undefined;
	if (sort && String(sort.attribute ?? '').trim() !== '') {
		body.sort = { attribute: String(sort.attribute).trim(), direction: sort.direction ?? 'asc' };
	}
	request.body = body;
	return request;
};

/** `validate` step: "Custom" needs at least one attribute. */
export function assertListingOptions(this: IExecuteSingleFunctions): void {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	if (options.attributeSet === 'custom' && slugList(options.attributeSlugs).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Options → Attributes to Return is Custom but no attribute is chosen', {
			description: 'Choose at least one attribute to return, or pick All, Primary or None.',
		});
	}
}
