/**
 * Debian's PostgreSQL and Redis for the queue-mode end-to-end tests, each a throwaway server on a
 * free port under a temporary folder. Installed with apt-get when missing (as root or with
 * password-less sudo, as in CI).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, waitFor } from '../../scripts/n8n';

const isRoot = process.getuid?.() === 0;

function run(command: string, args: string[], options: { asPostgres?: boolean } = {}): string {
	const [file, argv] = options.asPostgres && isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	const result = spawnSync(file, argv, { encoding: 'utf8' });
	if (result.status !== 0) {
		throw new Error(`${[command, ...args].join(' ')} exited with ${String(result.status)}: ${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

/** The newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((name) => existsSync(join(root, name, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return majors[0] ? join(root, majors[0], 'bin') : undefined;
}

function hasRedis(): boolean {
	return spawnSync('redis-server', ['--version']).status === 0;
}

/** apt-get installs `postgresql` and `redis-server` when their binaries are missing. */
export function ensureDebianPackages(): void {
	const missing = [...(postgresBinDir() ? [] : ['postgresql']), ...(hasRedis() ? [] : ['redis-server'])];
	if (missing.length === 0) return;
	const sudo = isRoot ? [] : ['sudo', '-n'];
	const apt = (args: string[]) => {
		const [file, ...rest] = [...sudo, 'apt-get', ...args];
		const result = spawnSync(file, rest, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (result.status !== 0) {
			throw new Error(`the queue-mode tests need Debian's ${missing.join(' and ')}: apt-get ${args.join(' ')} failed (${result.stderr.slice(-500)})`);
		}
	};
	apt(['update', '-qq']);
	apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
}

export interface Service {
	port: number;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	/** The n8n database: user `postgres`, no password (trust authentication on 127.0.0.1). */
	database: string;
	user: string;
	/** One SQL statement through psql on the n8n database; rows as tab-separated lines. */
	query(sql: string): string;
}

/**
 * A PostgreSQL cluster of its own: initdb and pg_ctl run as the `postgres` user when this runs
 * as root (the server refuses to run as root), else as the current user.
 */
export async function startPostgres(): Promise<Postgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
	const folder = mkdtempSync(join(tmpdir(), 'nex-e2e-pg-'));
	if (isRoot) {
		const ids = run('id', ['-u', 'postgres']).trim();
		const gid = run('id', ['-g', 'postgres']).trim();
		chownSync(folder, Number(ids), Number(gid));
	}
	const data = join(folder, 'data');
	const port = await freePort();
	const asPostgres = { asPostgres: true };
	run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync'], asPostgres);
	// Durability is beside the point here: no fsync keeps the disk out of the timings.
	const serverOptions = `-c listen_addresses=127.0.0.1 -p ${port} -k ${folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
	run(join(bin, 'pg_ctl'), ['-D', data, '-o', serverOptions, '-l', join(folder, 'server.log'), '-w', '-t', '120', 'start'], asPostgres);
	const database = 'n8n';
	run(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `create database ${database}`]);
	return {
		port,
		database,
		user: 'postgres',
		query: (sql) =>
			run(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql]),
		stop: async () => {
			try {
				run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], asPostgres);
			} finally {
				rmSync(folder, { recursive: true, force: true });
			}
		},
	};
}

/** A Redis server without persistence. */
export async function startRedis(): Promise<Service> {
	const port = await freePort();
	const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const exited = new Promise<void>((done) => child.once('close', () => done()));
	await waitFor('redis-server to accept connections', () => {
		if (child.exitCode !== null) throw new Error(`redis-server exited: ${output}`);
		return /Ready to accept connections/.test(output);
	}, { timeoutMs: 30_000, intervalMs: 100 });
	return {
		port,
		stop: async () => {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		},
	};
}
