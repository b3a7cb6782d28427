import type { INodeProperties } from 'n8n-workflow';
import { isResourceLocatorValue } from 'n8n-workflow';

import { recordLocator } from '../../shared/fields';
import { contactIdLocator } from './fields';

/** An optional contact field of another resource: picked from the contact list, or given by UUID. */
export function optionalContactField(name: string, displayName: string, description: string): INodeProperties {
	return { ...recordLocator({ ...contactIdLocator, name, displayName, required: false }), description };
}

/** The contact id a contact field holds: a locator's value, or the plain text older workflows saved; '' when empty. */
export function contactFieldValue(raw: unknown): string {
	const value = isResourceLocatorValue(raw) ? raw.value : raw;
	return value === undefined || value === null ? '' : String(value).trim();
}
