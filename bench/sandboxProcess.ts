/**
 * Runs a sandbox in a child process, so its work (building and sending pages) neither shares
 * the event loop nor the heap with what is measured. The parent talks to it over HTTP
 * (`/__control`) and learns its URLs and keys over IPC.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildSandbox {
	kind: 'nex' | 'nexus';
	info: Record<string, unknown> & { baseUrl: string; controlUrl: string };
	control(method: string, path: string, body?: unknown): Promise<unknown>;
	stop(): Promise<void>;
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
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}
