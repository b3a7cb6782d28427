import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fullFormats } from 'ajv-formats/dist/formats';
import { isLosslessNumber, parse as losslessParse, type LosslessNumber } from 'lossless-json';
import OpenAPIResponseValidator from 'openapi-response-validator';
import { request } from 'undici';

/**
 * Test helpers for the Nex sandbox: an HTTP client that keeps the raw text and parses it
 * losslessly, and a response validator built from the vendor's OpenAPI file with the independent
 * `openapi-response-validator` library.
 */

/** The vendor's OpenAPI document (byte-identical copy). */
export const NEX_SPEC_PATH = join(__dirname, 'spec', 'nex-openapi.json');

export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	/** Raw body text. */
	text: string;
	/** Lossless parse: every number is a LosslessNumber (exact digits), or undefined for a non-JSON body. */
	exact: unknown;
	/** The same with numbers as JS numbers (for schema validation; big ids are rounded here). */
	plain: unknown;
}

export interface CallOptions {
	query?: Record<string, string | number | boolean>;
	body?: unknown;
	/** Sent as is (overrides `body`). */
	rawBody?: string;
	headers?: Record<string, string>;
	/** Override the key (null: no Authorization header). */
	key?: string | null;
}

function isJsonType(contentType: string | undefined): boolean {
	return !!contentType && contentType.includes('application/json');
}

export function parseExact(text: string): unknown {
	return losslessParse(text);
}

export function parsePlain(text: string): unknown {
	return losslessParse(text, null, (s: string) => Number(s));
}

/** Digits of a LosslessNumber (throws for anything else). */
export function digits(value: unknown): string {
	if (!isLosslessNumber(value)) throw new Error(`not a number literal: ${JSON.stringify(value)}`);
	return (value as LosslessNumber).value;
}

export class NexTestClient {
	constructor(
		readonly baseUrl: string,
		readonly key: string,
	) {}

	withKey(key: string): NexTestClient {
		return new NexTestClient(this.baseUrl, key);
	}

	async call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
		const url = new URL(this.baseUrl + path);
		for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, String(v));
		const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
		const key = options.key === undefined ? this.key : options.key;
		if (key !== null) headers.authorization = `Bearer ${key}`;
		let body: string | undefined = options.rawBody;
		if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
		if (body !== undefined) headers['content-type'] ??= 'application/json';
		const res = await request(url, { method: method as 'GET', headers, body });
		const text = await res.body.text();
		const flat: Record<string, string> = {};
		for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
		const json = isJsonType(flat['content-type']) && text !== '';
		return {
			status: res.statusCode,
			headers: flat,
			text,
			exact: json ? parseExact(text) : undefined,
			plain: json ? parsePlain(text) : undefined,
		};
	}

	get(path: string, query?: CallOptions['query']) {
		return this.call('GET', path, { query });
	}

	post(path: string, body?: unknown) {
		return this.call('POST', path, { body: body ?? {} });
	}

	put(path: string, body: unknown) {
		return this.call('PUT', path, { body });
	}

	patch(path: string, body: unknown) {
		return this.call('PATCH', path, { body });
	}

	delete(path: string) {
		return this.call('DELETE', path);
	}
}

interface SpecResponse {
	description?: string;
	content?: Record<string, { schema?: unknown }>;
}

interface SpecOperation {
	method: string;
	path: string;
	responses: Record<string, SpecResponse>;
}

type SpecDocument = {
	paths: Record<string, Record<string, { responses: SpecOperation['responses'] }>>;
	components: Record<string, unknown>;
};

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

export function loadNexSpec(): SpecDocument {
	return JSON.parse(readFileSync(NEX_SPEC_PATH, 'utf8')) as SpecDocument;
}

/** Every (METHOD, path template) of the spec. */
export function specOperations(spec: SpecDocument = loadNexSpec()): SpecOperation[] {
	const out: SpecOperation[] = [];
	for (const [path, item] of Object.entries(spec.paths)) {
		for (const [method, op] of Object.entries(item)) {
			if (HTTP_METHODS.includes(method)) out.push({ method: method.toUpperCase(), path, responses: op.responses });
		}
	}
	return out;
}

const customFormats = {
	'date-time': (value: string) => (fullFormats['date-time'] as { validate: (s: string) => boolean }).validate(value),
	uuid: (value: string) => (fullFormats.uuid as RegExp).test(value),
};

/**
 * Validates answers against the spec: status documented, content type as documented, body valid
 * against the documented schema. Remembers which operations it validated (and with which statuses).
 */
export class NexSpecValidator {
	private readonly spec = loadNexSpec();
	private readonly operations = new Map<string, SpecOperation>();
	private readonly validators = new Map<string, OpenAPIResponseValidator>();
	/** `METHOD path` → statuses validated. */
	readonly validated = new Map<string, Set<number>>();

	constructor() {
		for (const op of specOperations(this.spec)) this.operations.set(`${op.method} ${op.path}`, op);
	}

	operationKeys(): string[] {
		return [...this.operations.keys()];
	}

	/** Problems with the answer (empty when it conforms). */
	check(method: string, pathTemplate: string, res: ApiResponse): string[] {
		const key = `${method.toUpperCase()} ${pathTemplate}`;
		const op = this.operations.get(key);
		if (!op) return [`${key} is not an operation of the spec`];
		const documented = op.responses[String(res.status)];
		if (!documented) return [`${key} answered ${res.status}, which the spec does not document (${Object.keys(op.responses).join(', ')})`];
		const problems: string[] = [];
		const contentTypes = Object.keys(documented.content ?? {});
		const actualType = (res.headers['content-type'] ?? '').split(';')[0].trim();
		let body: unknown = undefined;
		if (contentTypes.length === 0) {
			if (res.text !== '') problems.push(`${key} ${res.status}: the spec documents no body, got ${JSON.stringify(res.text.slice(0, 80))}`);
		} else if (!contentTypes.includes(actualType)) {
			problems.push(`${key} ${res.status}: content type ${actualType || '(none)'} is not one of ${contentTypes.join(', ')}`);
		} else if (actualType === 'application/json') {
			body = res.plain;
		} else {
			body = res.text;
		}
		if (problems.length === 0) {
			const response = this.responseFor(documented, actualType);
			const result = this.validatorFor(String(res.status), response).validateResponse(String(res.status), body);
			if (result) problems.push(`${key} ${res.status}: ${JSON.stringify(result.errors)}`);
		}
		if (problems.length === 0) {
			let statuses = this.validated.get(key);
			if (!statuses) {
				statuses = new Set();
				this.validated.set(key, statuses);
			}
			statuses.add(res.status);
		}
		return problems;
	}

	/** Throws with the problems (for `expect`-free call sites). */
	assert(method: string, pathTemplate: string, res: ApiResponse): ApiResponse {
		const problems = this.check(method, pathTemplate, res);
		if (problems.length > 0) throw new Error(problems.join('\n'));
		return res;
	}

	/** The documented response narrowed to the media type that was answered. */
	private responseFor(response: SpecResponse, mediaType: string): SpecResponse {
		const content = response.content ?? {};
		return content[mediaType] ? { ...response, content: { [mediaType]: content[mediaType] } } : response;
	}

	/**
	 * One validator per distinct (status, schema); its components are pruned to the schemas the
	 * response reaches, which keeps compiling cheap.
	 */
	private validatorFor(status: string, response: SpecResponse): OpenAPIResponseValidator {
		const cacheKey = `${status} ${JSON.stringify(response.content ?? null)}`;
		let validator = this.validators.get(cacheKey);
		if (!validator) {
			validator = new OpenAPIResponseValidator({
				responses: { [status]: response } as never,
				components: { schemas: this.reachableSchemas(response) } as never,
				customFormats,
			});
			this.validators.set(cacheKey, validator);
		}
		return validator;
	}

	private reachableSchemas(root: unknown): Record<string, unknown> {
		const all = (this.spec.components as { schemas: Record<string, unknown> }).schemas;
		const out: Record<string, unknown> = {};
		const walk = (node: unknown): void => {
			if (Array.isArray(node)) return node.forEach(walk);
			if (typeof node !== 'object' || node === null) return;
			for (const [k, v] of Object.entries(node)) {
				if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
					const name = v.slice('#/components/schemas/'.length);
					if (!(name in out)) {
						out[name] = all[name];
						walk(all[name]);
					}
				} else {
					walk(v);
				}
			}
		};
		walk(root);
		return out;
	}
}
