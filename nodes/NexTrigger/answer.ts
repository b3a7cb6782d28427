import type { IDataObject } from 'n8n-workflow';

/**
 * Reading the stream's answer: its headers, and its body, which n8n's request helper hands over
 * as a Node readable (`encoding: 'stream'`), or as a string or Buffer when it was read already.
 */

const MAX_ERROR_BODY_BYTES = 64 * 1024;

interface BodyStream {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	off(event: string, listener: (...args: unknown[]) => void): unknown;
}

const ignoreError = () => {};

/**
 * Reads a response body until it ends, fails or `signal` aborts; `onChunk` returning false stops
 * early. Event listeners rather than `for await`: an abort settles at once, whatever state the
 * stream (and the request helper's wrapper around it) is in, so the loop can never hang on it.
 */
export async function pump(body: unknown, signal: AbortSignal, onChunk: (chunk: Buffer) => boolean): Promise<void> {
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		onChunk(Buffer.from(body));
		return;
	}
	const stream = body as BodyStream | undefined;
	if (!stream || typeof stream.on !== 'function' || typeof stream.off !== 'function') return;
	await new Promise<void>((resolve, reject) => {
		let done = false;
		const finish = (error?: unknown) => {
			if (done) return;
			done = true;
			stream.off('data', onData);
			stream.off('end', onEnd);
			stream.off('close', onEnd);
			stream.off('error', onError);
			signal.removeEventListener('abort', onAbort);
			// An error emitted after this (e.g. by the abort) must not go unhandled.
			stream.on('error', ignoreError);
			if (error === undefined) resolve();
			else reject(error);
		};
		const onData = (...args: unknown[]) => {
			const chunk = args[0];
			try {
				if (!onChunk(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer))) finish();
			} catch (error) {
				finish(error);
			}
		};
		const onEnd = () => finish();
		const onError = (...args: unknown[]) => finish(args[0] ?? new Error('The stream failed'));
		const onAbort = () => finish(signal.reason ?? new Error('Aborted'));
		if (signal.aborted) {
			onAbort();
			return;
		}
		signal.addEventListener('abort', onAbort, { once: true });
		stream.on('error', onError);
		stream.on('end', onEnd);
		stream.on('close', onEnd);
		stream.on('data', onData);
	});
}

/** The start of an error answer's body (at most 64 KiB), as text. */
export async function readLimited(body: unknown, signal: AbortSignal): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	await pump(body, signal, (chunk) => {
		chunks.push(chunk);
		size += chunk.length;
		return size < MAX_ERROR_BODY_BYTES;
	});
	return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8');
}

export function destroyBody(body: unknown): void {
	const stream = body as { destroy?: (error?: Error) => void; destroyed?: boolean } | undefined;
	if (stream && typeof stream.destroy === 'function' && !stream.destroyed) stream.destroy();
}

export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}
