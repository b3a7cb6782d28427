import type { FieldType, IDataObject, INodePropertyOptions, ResourceMapperField } from 'n8n-workflow';

/**
 * A tool's arguments as n8n's resource mapper shows them (one field per property of its input
 * schema), and the mapped values back as the tool's arguments, typed as the schema says.
 */

function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The field type of a JSON Schema property (a nullable type is its non-null type). */
function fieldTypeOf(property: IDataObject): FieldType {
	if (Array.isArray(property.enum) && property.enum.length > 0) return 'options';
	const types = (Array.isArray(property.type) ? property.type : [property.type]).filter((type) => type !== 'null');
	switch (types[0]) {
		case 'number':
		case 'integer':
			return 'number';
		case 'boolean':
		case 'array':
		case 'object':
			return types[0];
		default:
			return 'string';
	}
}

function optionsOf(values: unknown[]): INodePropertyOptions[] {
	return values
		.filter((value): value is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof value))
		.map((value) => ({ name: String(value), value }));
}

/** One field per property of the input schema, in its order; those it requires marked required. */
export function fieldsOfSchema(schema: IDataObject | undefined): ResourceMapperField[] {
	const properties = isObject(schema?.properties) ? schema.properties : {};
	const required = new Set(Array.isArray(schema?.required) ? schema.required.map(String) : []);
	return Object.entries(properties).flatMap(([id, property]) => {
		if (!isObject(property)) return [];
		const type = fieldTypeOf(property);
		const field: ResourceMapperField = {
			id,
			displayName: typeof property.title === 'string' && property.title !== '' ? property.title : id,
			required: required.has(id),
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type,
		};
		if (type === 'options') field.options = optionsOf(property.enum as unknown[]);
		return [field];
	});
}

type Converted = { value: unknown } | { problem: string };

function parsedJson(value: unknown, type: 'array' | 'object'): Converted {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value) as unknown;
		} catch {
			return { problem: `must be JSON (${type === 'array' ? 'e.g. ["a", "b"]' : 'e.g. {"key": "value"}'})` };
		}
	}
	const fits = type === 'array' ? Array.isArray(parsed) : isObject(parsed);
	return fits ? { value: parsed } : { problem: `must be a JSON ${type}` };
}

/** A mapped value as its field's type: text from expressions and the editor converted. */
function converted(field: ResourceMapperField, value: unknown): Converted {
	switch (field.type) {
		case 'number': {
			const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
			return typeof number === 'number' && Number.isFinite(number) ? { value: number } : { problem: 'must be a number' };
		}
		case 'boolean':
			if (typeof value === 'boolean') return { value };
			if (value === 'true' || value === 'false') return { value: value === 'true' };
			return { problem: 'must be true or false' };
		case 'array':
		case 'object':
			return parsedJson(value, field.type);
		case 'options': {
			// The editor may hold an enum's number or boolean as text: the schema's own value is sent.
			const option = (field.options ?? []).find((entry) => entry.value === value || String(entry.value) === String(value));
			if (option) return { value: option.value };
			return field.options?.length ? { problem: `must be one of ${field.options.map((entry) => String(entry.value)).join(', ')}` } : { value };
		}
		default:
			// Ids and other text stay text, even when an expression gave a number.
			if (typeof value === 'string') return { value };
			if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value) };
			return { problem: 'must be text' };
	}
}

/**
 * The tool's arguments from the mapped values: empty optional fields left out, a required one
 * missing or a value that does not fit its type named in `problem`.
 */
export function mappedArguments(values: IDataObject | null | undefined, schema: ResourceMapperField[]): { value?: IDataObject; problem?: string } {
	const given = values ?? {};
	const args: IDataObject = {};
	const known = new Set<string>();
	for (const field of schema) {
		known.add(field.id);
		if (field.removed === true && !field.required) continue;
		const value = given[field.id];
		if (value === undefined || value === null || value === '') {
			if (field.required) return { problem: `${field.displayName}: required by the tool, enter a value` };
			continue;
		}
		const result = converted(field, value);
		if ('problem' in result) return { problem: `${field.displayName} ${result.problem}` };
		args[field.id] = result.value as IDataObject[string];
	}
	// Values of fields the saved schema no longer lists are sent as they are.
	for (const [key, value] of Object.entries(given)) if (!known.has(key) && value !== undefined && value !== null && value !== '') args[key] = value;
	return { value: args };
}
