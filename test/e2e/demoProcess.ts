/**
 * The demo as a newcomer runs it, with its output piped (`npm run demo | tee`): start it, let the
 * reader of the pipe go away, and see what is left running.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { ROOT, waitFor, type N8nLine } from '../../scripts/n8n';

export interface DemoAfterClosedPipe {
	/** What the demo wrote to stderr (where it reports what it stopped once stdout is gone). */
	stderr: string;
	exitCode: number | null;
	/** The n8n server's pid, from the demo's report. */
	n8nPid?: number;
	editorUrl?: string;
	/** Processes still alive in the demo's or n8n's process group, or naming the demo's user folder. */
	leftOver: string[];
}

/**
 * Living processes: a zombie (state Z, e.g. tsx's esbuild service after tsx ended, waiting for a
 * container's init to reap it) holds no port, memory or files and is left out.
 */
function processTable(): Array<{ pid: number; pgid: number; args: string }> {
	const ps = spawnSync('ps', ['-eo', 'pid=,pgid=,stat=,args='], { encoding: 'utf8' });
	return ps.stdout
		.split('\n')
		.map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
		.filter((match): match is RegExpExecArray => match !== null && !match[3].startsWith('Z'))
		.map((match) => ({ pid: Number(match[1]), pgid: Number(match[2]), args: match[4] }));
}

export async function runDemoAndClosePipe(line: N8nLine, homeName: string): Promise<DemoAfterClosedPipe> {
	const demo = spawn(
		join(ROOT, 'node_modules', '.bin', 'tsx'),
		['scripts/demo.ts', '--n8n', line === 'v1' ? '1' : '2', '--no-build', '--reset', '--home', homeName, '--status-every', '1'],
		// Its own process group, so that whatever happens the test can clean up after it.
		{ cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
	);
	let stdout = '';
	let stderr = '';
	demo.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	demo.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const exited = new Promise<number | null>((done) => demo.once('close', (code) => done(code)));
	let exitCode: number | null = null;
	try {
		await waitFor('the demo to say n8n is running', () => /is running/.test(stdout) || demo.exitCode !== null, {
			timeoutMs: 240_000,
			intervalMs: 500,
		});
		if (demo.exitCode !== null) throw new Error(`the demo ended before n8n ran:\n${stdout.slice(-2000)}\n${stderr.slice(-2000)}`);
		const editorUrl = /Editor\s+(http\S+)/.exec(stdout)?.[1];
		// The reader of the pipe goes away (`tee` ended, the window closed).
		demo.stdout.destroy();
		exitCode = await Promise.race([exited, new Promise<null>((done) => setTimeout(() => done(null), 90_000))]);
		const n8nPid = Number(/n8n \(pid (\d+)/.exec(stderr)?.[1] ?? NaN);
		const table = processTable();
		const leftOver = table
			.filter(
				(entry) =>
					entry.pgid === demo.pid ||
					(Number.isInteger(n8nPid) && entry.pgid === n8nPid) ||
					(entry.args.includes(homeName) && !entry.args.startsWith('ps ')),
			)
			.map((entry) => `${entry.pid} ${entry.args.slice(0, 200)}`);
		return { stderr, exitCode, n8nPid: Number.isInteger(n8nPid) ? n8nPid : undefined, editorUrl, leftOver };
	} finally {
		for (const entry of processTable().filter((candidate) => candidate.pgid === demo.pid)) {
			try {
				process.kill(entry.pid, 'SIGKILL');
			} catch {
				// Gone already.
			}
		}
	}
}
