import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { isSimplifyChosen } from '../../shared/operation';

/**
 * The reshaping the "Simplify" toggle applies. Operations put `simplifyField()` (shared/operation)
 * in their parameters and `simplifyWhenChosen(fn)` as their routing spec's `transform`.
 */

/** A routing `transform` that reshapes every output item with `simplify` when the toggle is on. */
export function simplifyWhenChosen(simplify: (item: IDataObject) => IDataObject) {
	return async function (this: IExecuteSingleFunctions, items: IDataObject[]): Promise<IDataObject[]> {
		return isSimplifyChosen(this) ? items.map(simplify) : items;
	};
}

/** A copy of `item` with only `keys` (those present), in that order. */
export function pickFields(item: IDataObject, keys: readonly string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) if (item[key] !== undefined) picked[key] = item[key];
	return picked;
}

/** Record fields kept beside the attributes when a record is simplified. */
const RECORD_FIELDS = ['id', 'type', 'parent_id', 'created_at', 'updated_at'] as const;

/**
 * A Nex record (or list entry) with its attribute values moved to the top level:
 * `{id, type, parent_id?, created_at, updated_at, ...attributes}`. `object_id` and
 * `workspace_id` are dropped. An attribute whose slug equals one of the kept record fields is
 * emitted as `attribute_<slug>` so no value is lost.
 */
export function simplifyRecord(record: IDataObject): IDataObject {
	const simplified = pickFields(record, RECORD_FIELDS);
	const attributes = record.attributes;
	if (attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes)) {
		for (const [slug, value] of Object.entries(attributes as IDataObject)) {
			const key = (RECORD_FIELDS as readonly string[]).includes(slug) ? `attribute_${slug}` : slug;
			simplified[key] = value;
		}
	}
	return simplified;
}
