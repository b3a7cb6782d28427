import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { ApiKey } from './auth';
import { ApiError, type Reply } from './http';
import type { NexStore } from './store';
import type { InsightStreamHub } from './stream';
import type { Body, Query } from './validate';

/** Everything a route handler may use. */
export interface Ctx {
	req: IncomingMessage;
	method: string;
	/** Path under the base URL, e.g. `/v1/records/123`. */
	path: string;
	params: Record<string, string>;
	query: Query;
	headers: IncomingHttpHeaders;
	/** Parsed JSON object body (`{}` when empty); parsing errors answer 400 on first use. */
	body(): Body;
	key: ApiKey;
	store: NexStore;
	hub: InsightStreamHub;
	now: number;
}

export interface RouteDef {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** OpenAPI path template, e.g. `/v1/records/{record_id}`. */
	path: string;
	scope: string;
	operationId: string;
	handler(ctx: Ctx): Reply;
}

interface CompiledRoute extends RouteDef {
	regex: RegExp;
	paramNames: string[];
}

export type RouteMatch = { route: RouteDef; params: Record<string, string> } | { allowed: string[] } | undefined;

export class Router {
	private readonly compiled: CompiledRoute[];

	constructor(readonly routes: RouteDef[]) {
		this.compiled = routes.map((route) => {
			const paramNames: string[] = [];
			const pattern = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
				paramNames.push(name);
				return '([^/]+)';
			});
			// A trailing slash is tolerated (the guide calls `GET /v1/integrations/`).
			return { ...route, regex: new RegExp(`^${pattern}/?$`), paramNames };
		});
	}

	/** The route and its decoded params, `{allowed}` when only the method is wrong, or undefined. */
	match(method: string, path: string): RouteMatch {
		const allowed: string[] = [];
		for (const route of this.compiled) {
			const m = route.regex.exec(path);
			if (!m) continue;
			if (route.method !== method) {
				allowed.push(route.method);
				continue;
			}
			const params: Record<string, string> = {};
			route.paramNames.forEach((name, i) => {
				try {
					params[name] = decodeURIComponent(m[i + 1]);
				} catch {
					throw new ApiError(400, `invalid path parameter ${name}`);
				}
			});
			return { route, params };
		}
		return allowed.length > 0 ? { allowed } : undefined;
	}
}
