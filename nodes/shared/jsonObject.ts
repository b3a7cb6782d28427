import type { JsonObject, JsonValue } from 'n8n-workflow';

/**
 * A parsed answer's fields as the JSON object NodeApiError takes: JSON values kept as they are,
 * anything else (undefined, functions, non-finite numbers) left out.
 */
export function toJsonObject(fields: object): JsonObject {
	const json: JsonObject = {};
	for (const [key, value] of Object.entries(fields)) {
		const converted = toJsonValue(value);
		if (converted !== undefined) json[key] = converted;
	}
	return json;
}

function toJsonValue(value: unknown): JsonValue | undefined {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (Array.isArray(value)) return value.map((entry) => toJsonValue(entry) ?? null);
	if (typeof value === 'object') return toJsonObject(value);
	return undefined;
}
