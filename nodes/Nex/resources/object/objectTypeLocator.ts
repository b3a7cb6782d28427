import type { INodeProperties } from 'n8n-workflow';
import type { Show } from '../../../shared/operation';
import { fromListMode, resourceLocator, typedIdMode } from '../../../shared/locator';

/**
 * The "Object Type" picker used by the object, attribute, record and list resources. Nex names
 * object types by slug in its paths (`/v1/objects/{slug}`), so the value is the slug.
 */
export function objectTypeLocator(show: Show, description?: string): INodeProperties {
	return resourceLocator(
		{
			displayName: 'Object Type',
			name: 'objectType',
			show,
			description: description ?? 'The object type (schema), identified by its slug, e.g. person or company',
		},
		fromListMode('Select an object type...', 'searchObjectTypes'),
		typedIdMode('e.g. person', { regex: '^[^/?#]+$', errorMessage: 'Enter the slug alone, without "/"' }, 'By Slug'),
	);
}

/** The path of one object type, for `nexRouting` urls (filled by `fillPathParameters`). */
export const OBJECT_PATH = '/v1/objects/{objectType}';

export const OBJECT_TYPE_PATH_ID = { parameter: 'objectType', label: 'Object Type' };
