import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { ExecutionBaseError, LoggerProxy } from 'n8n-workflow';

const LEVELS = ['error', 'warn', 'info', 'debug'] as const;

type Level = (typeof LEVELS)[number];

/**
 * Captures everything that could be logged while a test runs: n8n's logger (the proxy the engine
 * uses, and the DI Logger that node contexts' `this.logger` and the request helpers read), console.*,
 * and raw writes to stdout/stderr. Used to prove secrets never reach logs.
 *
 * Every level is recorded, debug included, whatever N8N_LOG_LEVEL says: n8n's Logger turns the
 * levels below its configured one into non-writable no-ops, so instead of patching that instance
 * the capture puts its own recorder in the DI container (the getters call `Container.get(Logger)`
 * on each use) and in LoggerProxy, and also patches the existing instance where it can (for code
 * that kept a reference to it).
 */
export class LogCapture {
	readonly lines: string[] = [];

	private restorers: Array<() => void> = [];

	start(): this {
		const record = (level: string) => (message: unknown, meta?: unknown) => {
			this.lines.push(`${level} ${String(message)} ${meta === undefined ? '' : safeStringify(meta)}`);
		};
		const recorder: Record<Level, (message: unknown, meta?: unknown) => void> & Record<string, unknown> = {
			error: record('error'),
			warn: record('warn'),
			info: record('info'),
			debug: record('debug'),
		};
		recorder.log = (level: string, message: unknown, meta?: unknown) => record(level)(message, meta);
		recorder.scoped = () => recorder;

		// Building n8n's Logger (on first use) makes it LoggerProxy's target: do that before taking over.
		let existing: Record<string, unknown> | undefined;
		try {
			existing = Container.get(Logger) as unknown as Record<string, unknown>;
		} catch {
			existing = undefined;
		}
		if (existing) {
			const diLogger = existing;
			Container.set(Logger, recorder as unknown as Logger);
			this.restorers.push(() => Container.set(Logger, diLogger as unknown as Logger));
			for (const level of LEVELS) {
				const own = Object.getOwnPropertyDescriptor(diLogger, level);
				// A level n8n disabled is a non-configurable no-op: code holding this instance cannot be heard there.
				if (own && !own.configurable && !own.writable) continue;
				Object.defineProperty(diLogger, level, { value: record(`di-${level}`), configurable: true, writable: true });
				this.restorers.push(() => {
					if (own) Object.defineProperty(diLogger, level, own);
					else delete diLogger[level];
				});
			}
		}
		LoggerProxy.init(recorder as never);
		this.restorers.push(() => LoggerProxy.init((existing ?? silentLogger) as never));

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

const silentLogger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };

/**
 * JSON of anything: errors with their own properties (message, description, stack, context and the
 * raw `cause` chain, which n8n's own `toJSON` would cut short), cyclic objects, bigints. An error
 * that brings its own `toJSON` (an HTTP client's error: its request config) is written through it.
 */
export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	return (
		JSON.stringify(value, function (this: Record<string, unknown>, key, serialised: unknown) {
			// `this[key]` is the value before JSON.stringify applied its `toJSON`.
			const raw = this[key];
			const inner = raw instanceof Error ? raw : serialised;
			if (inner instanceof Error) {
				if (seen.has(inner)) return '[cycle]';
				seen.add(inner);
				const copy: Record<string, unknown> = { name: inner.name, message: inner.message, stack: inner.stack };
				const ownJson = (inner as { toJSON?: () => unknown }).toJSON;
				if (typeof ownJson === 'function' && !(inner instanceof ExecutionBaseError)) {
					copy.json = ownJson.call(inner);
					if (inner.cause !== undefined) copy.cause = inner.cause;
					return copy;
				}
				for (const name of Object.getOwnPropertyNames(inner)) copy[name] = (inner as unknown as Record<string, unknown>)[name];
				return copy;
			}
			if (typeof inner === 'bigint') return inner.toString();
			if (inner && typeof inner === 'object') {
				if (seen.has(inner)) return '[cycle]';
				seen.add(inner);
			}
			return inner;
		}) ?? String(value)
	);
}
