/**
 * Runs a sandbox in a child process, so its work (building and sending pages) neither shares
 * the event loop nor the heap with what is measured. The parent talks to it over HTTP
 * (`/__control`) and learns its URLs and keys over IPC; a few bench-only commands (the clock,
 * emitting insights at a rate) also go over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { wallClockMs } from './measure';

export interface EmitInsightsRequest {
	cmd: 'emitInsights';
	rate: number;
	seconds: number;
	/** Prefix of every insight's content; the content is `<prefix> <sequence> <emit time in epoch ms>`. */
	prefix: string;
}

/** Starts a latency proxy (`latencyProxy.ts`) in front of the sandbox, in the sandbox's process. */
export interface ProxyRequest {
	cmd: 'proxy';
	rttMs: number;
}

export type ChildRequest = { cmd: 'clock' } | EmitInsightsRequest | ProxyRequest;

export type ChildReply =
	| { cmd: 'clock'; nowMs: number }
	| { cmd: 'emitInsights'; sent: number; seconds: number; lateTicks: number }
	| { cmd: 'proxy'; url: string };

export interface ChildSandbox {
	kind: 'nex' | 'nexus';
	info: Record<string, unknown> & { baseUrl: string; controlUrl: string };
	control(method: string, path: string, body?: unknown): Promise<unknown>;
	/** Sends an IPC command and resolves with the child's reply to it. */
	ask<C extends ChildRequest['cmd']>(request: Extract<ChildRequest, { cmd: C }>): Promise<Extract<ChildReply, { cmd: C }>>;
	/** The child's wall clock minus ours (ms), from the IPC round trip with the smallest delay. */
	clockOffsetMs(): Promise<number>;
	/** The sandbox's base URL behind a proxy charging `rttMs` per round trip and per handshake (0: the sandbox itself). */
	urlAt(rttMs: number): Promise<string>;
	stop(): Promise<void>;
}

/** Sends `request` to a child process and resolves with its first reply of the same `cmd`. */
export async function askOverIpc(child: ChildProcess, request: { cmd: string }, who: string): Promise<Record<string, unknown>> {
	return await new Promise((resolve, reject) => {
		const onMessage = (message: { cmd?: string }) => {
			if (message?.cmd !== request.cmd) return;
			child.off('message', onMessage);
			child.off('exit', onExit);
			resolve(message as Record<string, unknown>);
		};
		const onExit = (code: number | null) => {
			child.off('message', onMessage);
			reject(new Error(`${who} exited with ${code} while answering ${request.cmd}`));
		};
		child.on('message', onMessage);
		child.once('exit', onExit);
		child.send(request);
	});
}

/** Another process's wall clock minus ours (ms), from the round trip with the smallest delay. */
export async function clockOffsetMs(readTheirClock: () => Promise<number>): Promise<number> {
	let best = { roundTrip: Number.POSITIVE_INFINITY, offset: 0 };
	for (let i = 0; i < 20; i++) {
		const before = wallClockMs();
		const theirs = await readTheirClock();
		const after = wallClockMs();
		if (after - before < best.roundTrip) best = { roundTrip: after - before, offset: theirs - (before + after) / 2 };
	}
	return best.offset;
}

export async function startChildSandbox(kind: 'nex' | 'nexus', options: Record<string, unknown> = {}): Promise<ChildSandbox> {
	const child: ChildProcess = fork(join(__dirname, 'sandboxChild.ts'), [kind, JSON.stringify(options)], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	const info = await new Promise<ChildSandbox['info']>((resolve, reject) => {
		child.once('message', (message) => resolve(message as ChildSandbox['info']));
		child.once('exit', (code) => reject(new Error(`${kind} sandbox exited with ${code}`)));
	});
	const proxies = new Map<number, string>();
	const ask: ChildSandbox['ask'] = async (request) => (await askOverIpc(child, request, `${kind} sandbox`)) as never;
	return {
		kind,
		info,
		async control(method, path, body) {
			const response = await fetch(`${info.controlUrl}${path}`, {
				method,
				headers: { 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			if (!response.ok) throw new Error(`${kind} control ${method} ${path}: ${response.status} ${text}`);
			return text ? JSON.parse(text) : undefined;
		},
		ask,
		clockOffsetMs: async () => await clockOffsetMs(async () => (await ask({ cmd: 'clock' })).nowMs),
		async urlAt(rttMs) {
			if (rttMs <= 0) return info.baseUrl;
			const known = proxies.get(rttMs);
			if (known) return known;
			const { url } = await ask({ cmd: 'proxy', rttMs });
			proxies.set(rttMs, url);
			return url;
		},
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
