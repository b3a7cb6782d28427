import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { bodyText, requiredBodyText } from '../../shared/bodyFields';
import { assertFilled } from '../../shared/parameters';

type Texts = { placeholder: string; description: string };

/** The Name and Slug a new object type, attribute or list is created with, sent as `name` and `slug`. */
export function nameAndSlugFields(name: Texts, slug: Texts): INodeProperties[] {
	return [requiredBodyText('Name', 'name', name), requiredBodyText('Slug', 'slug', slug)];
}

/** The optional Description and Plural Name of a new object type or list. */
export function descriptionAndPluralName(description: string, pluralName: string, pluralPlaceholder?: string): INodeProperties[] {
	return [
		bodyText('Description', 'description', description),
		bodyText('Plural Name', 'namePlural', pluralName, { property: 'name_plural', placeholder: pluralPlaceholder }),
	];
}

/** Neither Name nor Slug may be blank (checked before anything is sent). */
export function assertNameAndSlug(this: IExecuteSingleFunctions): void {
	assertFilled(this, [
		{ parameter: 'name', label: 'Name' },
		{ parameter: 'slug', label: 'Slug' },
	]);
}
