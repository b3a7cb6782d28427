import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSpec } from '../shared/faults';
import { readBody } from '../shared/requestLog';
import { isPlainObject } from './attributes';
import { errorBody } from './http';
import { parseJson, toJson } from './json';
import type { SeedSpec } from './seed';
import type { StreamWriteOptions } from './stream';
import type { Insight, NotificationItem } from './types';

/**
 * `/__control/*`: the test-side API of the sandbox (no auth). Every endpoint mirrors a method of
 * the in-process sandbox object.
 */

export interface ControlTarget {
	reset(): void;
	seed(spec: SeedSpec): unknown;
	addFaults(specs: FaultSpec[]): void;
	clearFaults(): void;
	pendingFaults(): FaultSpec[];
	listRequests(filter: { path?: string; method?: string }): unknown[];
	clearRequests(): void;
	emitInsightBatch(insights?: Partial<Insight>[] | number, options?: StreamWriteOptions): unknown;
	dropStreams(mode?: 'end' | 'destroy'): number;
	streamClientCount(): number;
	addKey(key: string, scopes: string[]): void;
	listKeys(): unknown[];
	state(): unknown;
	configure(patch: Record<string, unknown>): unknown;
	emitNotification(partial?: Partial<NotificationItem>): unknown;
	completeConnect(connectId?: string): number;
	failNext(counts: { artifacts?: number; aiListJobs?: number; compounding?: number }): unknown;
	advanceClock(ms: number): number;
}

class ControlError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

function send(res: ServerResponse, status: number, value: unknown): void {
	const body = toJson(value);
	res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
	res.end(body);
}

function objectBody(text: string): Record<string, unknown> {
	if (text.trim() === '') return {};
	const value = parseJson(text);
	if (!isPlainObject(value)) throw new ControlError(400, 'body must be a JSON object');
	return value;
}

const STREAM_OPTION_KEYS = ['lineEnding', 'chunkSize', 'splitAt', 'splitInsideUtf8', 'chunkDelayMs'] as const;

export async function handleControl(
	target: ControlTarget,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	rawQuery: string,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	try {
		const text = await readBody(req);
		const query = new URLSearchParams(rawQuery);
		switch (route) {
			case 'POST /__control/reset':
				target.reset();
				return send(res, 200, { ok: true });
			case 'POST /__control/seed':
				return send(res, 200, target.seed(objectBody(text) as SeedSpec));
			case 'GET /__control/faults':
				return send(res, 200, { faults: target.pendingFaults() });
			case 'POST /__control/faults': {
				const value = text.trim() === '' ? undefined : parseJson(text);
				const specs = Array.isArray(value) ? value : [value];
				for (const spec of specs) {
					if (!isPlainObject(spec) || typeof spec.kind !== 'string') throw new ControlError(400, 'a fault needs a "kind"');
				}
				target.addFaults(specs as unknown as FaultSpec[]);
				return send(res, 200, { faults: target.pendingFaults() });
			}
			case 'DELETE /__control/faults':
				target.clearFaults();
				return send(res, 200, { ok: true });
			case 'GET /__control/requests':
				return send(res, 200, {
					requests: target.listRequests({ path: query.get('path') ?? undefined, method: query.get('method') ?? undefined }),
				});
			case 'DELETE /__control/requests':
				target.clearRequests();
				return send(res, 200, { ok: true });
			case 'POST /__control/insights/emit': {
				const body = objectBody(text);
				const insights = body.insights;
				if (insights !== undefined && typeof insights !== 'number' && !Array.isArray(insights)) {
					throw new ControlError(400, 'insights must be a count or an array of partial insights');
				}
				const options: Record<string, unknown> = {};
				for (const k of STREAM_OPTION_KEYS) if (body[k] !== undefined) options[k] = body[k];
				return send(res, 200, target.emitInsightBatch(insights as Partial<Insight>[] | number | undefined, options as StreamWriteOptions));
			}
			case 'POST /__control/stream/drop': {
				const body = objectBody(text);
				const mode = body.mode === 'destroy' ? 'destroy' : 'end';
				return send(res, 200, { dropped: target.dropStreams(mode) });
			}
			case 'GET /__control/stream':
				return send(res, 200, { clients: target.streamClientCount() });
			case 'POST /__control/keys': {
				const body = objectBody(text);
				if (typeof body.key !== 'string' || body.key === '') throw new ControlError(400, 'key must be a non-empty string');
				if (!Array.isArray(body.scopes) || body.scopes.some((s) => typeof s !== 'string')) {
					throw new ControlError(400, 'scopes must be an array of strings');
				}
				target.addKey(body.key, body.scopes as string[]);
				return send(res, 200, { key: body.key, scopes: body.scopes });
			}
			case 'GET /__control/keys':
				return send(res, 200, { keys: target.listKeys() });
			case 'GET /__control/state':
				return send(res, 200, target.state());
			case 'POST /__control/config':
				return send(res, 200, target.configure(objectBody(text)));
			case 'POST /__control/notifications/emit':
				return send(res, 200, target.emitNotification(objectBody(text) as Partial<NotificationItem>));
			case 'POST /__control/integrations/complete': {
				const body = objectBody(text);
				return send(res, 200, { completed: target.completeConnect(typeof body.connect_id === 'string' ? body.connect_id : undefined) });
			}
			case 'POST /__control/clock': {
				const body = objectBody(text);
				if (typeof body.advanceMs !== 'number') throw new ControlError(400, 'advanceMs must be a number');
				return send(res, 200, { offsetMs: target.advanceClock(body.advanceMs) });
			}
			case 'POST /__control/fail-next':
				return send(res, 200, target.failNext(objectBody(text) as { artifacts?: number; aiListJobs?: number; compounding?: number }));
			default:
				throw new ControlError(404, `unknown control endpoint: ${route}`);
		}
	} catch (error) {
		const status = error instanceof ControlError ? error.status : 400;
		send(res, status, errorBody(status, (error as Error).message));
	}
}
