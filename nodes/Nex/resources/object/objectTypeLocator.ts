import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';

/**
 * The "Object Type" picker used by the object, attribute, record and list resources. Nex names
 * object types by slug in its paths (`/v1/objects/{slug}`), so the value is the slug.
 */
export function objectTypeLocator(show: Show, description?: string): INodeProperties {
	return {
		displayName: 'Object Type',
		name: 'objectType',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description: description ?? 'The object type (schema), identified by its slug, e.g. person or company',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an object type...',
				typeOptions: { searchListMethod: 'searchObjectTypes', searchable: true },
			},
			{
				displayName: 'By Slug',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. person',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[^/?#]+$', errorMessage: 'Enter the slug alone, without "/"' },
					},
				],
			},
		],
	};
}

/** The path of one object type, for `nexRouting` urls (filled by `fillPathParameters`). */
export const OBJECT_PATH = '/v1/objects/{objectType}';

export const OBJECT_TYPE_PATH_ID = { parameter: 'objectType', label: 'Object Type' };
