import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

/**
 * Captures everything that could be logged while a test runs: n8n's logger (the proxy nodes and
 * the engine use, and the DI Logger), console.*, and raw writes to stdout/stderr. Used to prove
 * secrets never reach logs.
 */
export class LogCapture {
	readonly lines: string[] = [];

	private restorers: Array<() => void> = [];

	start(): this {
		const record = (level: string) => (message: unknown, meta?: unknown) => {
			this.lines.push(`${level} ${String(message)} ${meta === undefined ? '' : safeStringify(meta)}`);
		};
		const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
		LoggerProxy.init(logger as never);
		try {
			const diLogger = Container.get(Logger) as unknown as Record<string, unknown>;
			for (const level of ['error', 'warn', 'info', 'debug'] as const) {
				const original = diLogger[level];
				diLogger[level] = record(`di-${level}`);
				this.restorers.push(() => {
					diLogger[level] = original;
				});
			}
		} catch {
			// No DI logger built in this process: nothing to intercept.
		}
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			const original = console[method];
			console[method] = (...args: unknown[]) => {
				this.lines.push(`console.${method} ${args.map((a) => (typeof a === 'string' ? a : safeStringify(a))).join(' ')}`);
			};
			this.restorers.push(() => {
				console[method] = original;
			});
		}
		for (const stream of [process.stdout, process.stderr]) {
			const original = stream.write.bind(stream);
			stream.write = ((chunk: unknown, ...rest: unknown[]) => {
				this.lines.push(`${stream === process.stdout ? 'stdout' : 'stderr'} ${String(chunk)}`);
				return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
			}) as typeof stream.write;
			this.restorers.push(() => {
				stream.write = original as typeof stream.write;
			});
		}
		return this;
	}

	stop(): string[] {
		for (const restore of this.restorers.reverse()) restore();
		this.restorers = [];
		return this.lines;
	}
}

/** JSON of anything, including errors' own properties and cyclic objects. */
export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, function (_key, inner: unknown) {
		if (inner instanceof Error) {
			const copy: Record<string, unknown> = { name: inner.name, message: inner.message, stack: inner.stack };
			for (const key of Object.getOwnPropertyNames(inner)) copy[key] = (inner as unknown as Record<string, unknown>)[key];
			return copy;
		}
		if (typeof inner === 'bigint') return inner.toString();
		if (inner && typeof inner === 'object') {
			if (seen.has(inner)) return '[cycle]';
			seen.add(inner);
		}
		return inner;
	}) ?? String(value);
}
