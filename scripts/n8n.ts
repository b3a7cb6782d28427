/**
 * Helpers that run the real n8n application (installed by scripts/install-n8n.sh into
 * .n8n-real/) with this package loaded: user folders, the package link, credential and
 * workflow import, `n8n execute`, starting and stopping the server, and its REST API.
 *
 * Used by `npm run demo` (scripts/demo.ts) and the end-to-end tests (test/e2e/).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import {
	cpSync,
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
	type WriteStream,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');
export const REAL_DIR = join(ROOT, '.n8n-real');

const VERSIONS = JSON.parse(readFileSync(join(__dirname, 'n8n-versions.json'), 'utf8')) as {
	n8n2: string;
	n8n1: string;
};

/** The two n8n lines the package is proven against. */
export type N8nLine = 'v2' | 'v1';

export const N8N_LINES: Record<N8nLine, { version: string; major: 1 | 2 }> = {
	v2: { version: VERSIONS.n8n2, major: 2 },
	v1: { version: VERSIONS.n8n1, major: 1 },
};

export interface N8nInstallation {
	line: N8nLine;
	version: string;
	major: 1 | 2;
	/** Folder holding the installer's package.json and node_modules. */
	dir: string;
	/** The Node.js binary this line runs on. */
	nodeBin: string;
	/** n8n's command-line entry point (run as `nodeBin cliJs <command>`). */
	cliJs: string;
	/** The n8n-workflow package n8n itself loads (community nodes must share it). */
	workflowPackageDir: string;
}

/** The installed line, or undefined when `npm run n8n:install` has not installed it yet. */
export function findInstallation(line: N8nLine): N8nInstallation | undefined {
	const { version, major } = N8N_LINES[line];
	const dir = join(REAL_DIR, `n8n-${version}`);
	if (!existsSync(join(dir, '.installed'))) return undefined;
	const nodeHome = readFileSync(join(dir, '.node-home'), 'utf8').trim();
	const n8nDir = join(dir, 'node_modules', 'n8n');
	const nested = join(n8nDir, 'node_modules', 'n8n-workflow');
	return {
		line,
		version,
		major,
		dir,
		nodeBin: join(nodeHome, 'bin', 'node'),
		cliJs: join(n8nDir, 'bin', 'n8n'),
		workflowPackageDir: existsSync(nested) ? nested : join(dir, 'node_modules', 'n8n-workflow'),
	};
}

/** Runs the installer (idempotent) for the given lines, printing its progress. */
export function installN8n(lines: N8nLine[] = ['v2', 'v1']): void {
	for (const line of lines) {
		if (findInstallation(line)) continue;
		const result = spawnSync('bash', [join(ROOT, 'scripts', 'install-n8n.sh'), String(N8N_LINES[line].major)], {
			stdio: 'inherit',
		});
		if (result.status !== 0) throw new Error(`installing n8n ${N8N_LINES[line].version} failed`);
	}
}

export function requireInstallation(line: N8nLine): N8nInstallation {
	const installation = findInstallation(line);
	if (!installation) {
		throw new Error(`n8n ${N8N_LINES[line].version} is not installed: run \`npm run n8n:install\` first`);
	}
	return installation;
}

/** package.json's `n8n` field: what n8n loads from dist/. */
export interface PackageManifest {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

export function packageManifest(): PackageManifest {
	return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageManifest;
}

/** Node and credential type names the package declares, read from the built classes. */
export function packageTypeNames(): { nodes: string[]; credentials: string[] } {
	const manifest = packageManifest();
	const load = (distPath: string): Record<string, unknown> => {
		const file = join(ROOT, distPath);
		if (!existsSync(file)) throw new Error(`${distPath} is missing: run \`npm run build\``);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(file) as Record<string, new () => Record<string, unknown>>;
		const classes = Object.values(module).filter((value) => typeof value === 'function');
		if (classes.length === 0) throw new Error(`${distPath} exports no class`);
		return new classes[0]();
	};
	return {
		nodes: manifest.n8n.nodes.map((path) => `${manifest.name}.${(load(path).description as { name: string }).name}`),
		credentials: manifest.n8n.credentials.map((path) => String(load(path).name)),
	};
}

/** The login the owner account of every user folder gets. */
export interface OwnerLogin {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEFAULT_OWNER: OwnerLogin = {
	email: 'owner@example.com',
	password: 'Nex-Demo-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

/**
 * A user folder for one n8n instance: `<folder>/.n8n` holds its settings, its sqlite database
 * and `nodes/node_modules/n8n-nodes-nex`, a copy of the package as n8n installs community
 * packages (package.json plus dist/).
 */
export class N8nHome {
	readonly n8nFolder: string;

	constructor(
		readonly folder: string,
		readonly encryptionKey: string,
	) {
		this.n8nFolder = join(folder, '.n8n');
	}

	/** Opens (or creates) a user folder under .n8n-real/homes/<name>; `fresh` wipes it first. */
	static open(name: string, options: { fresh?: boolean } = {}): N8nHome {
		const folder = join(REAL_DIR, 'homes', name);
		if (options.fresh) rmSync(folder, { recursive: true, force: true });
		mkdirSync(join(folder, '.n8n'), { recursive: true });
		const keyFile = join(folder, 'encryption-key');
		if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('hex'), { mode: 0o600 });
		return new N8nHome(folder, readFileSync(keyFile, 'utf8').trim());
	}

	get ownerMarker(): string {
		return join(this.folder, 'owner.json');
	}

	/** The owner login once `setupOwner` ran for this folder. */
	savedOwner(): OwnerLogin | undefined {
		return existsSync(this.ownerMarker) ? (JSON.parse(readFileSync(this.ownerMarker, 'utf8')) as OwnerLogin) : undefined;
	}

	/**
	 * Installs the built package the way n8n's community-package installer leaves it: a plain
	 * folder with package.json and dist/, peer dependencies stripped, so `n8n-workflow` resolves
	 * to n8n's own copy (linked beside it, since this folder sits inside the repository whose
	 * node_modules holds another copy).
	 */
	linkPackage(installation: N8nInstallation): string {
		const manifest = packageManifest();
		const modules = join(this.n8nFolder, 'nodes', 'node_modules');
		const target = join(modules, manifest.name);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
		for (const key of ['devDependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) delete packageJson[key];
		writeFileSync(join(target, 'package.json'), JSON.stringify(packageJson, null, 2));
		if (!existsSync(join(ROOT, 'dist'))) throw new Error('dist/ is missing: run `npm run build`');
		cpSync(join(ROOT, 'dist'), join(target, 'dist'), { recursive: true });
		const workflowLink = join(modules, 'n8n-workflow');
		rmSync(workflowLink, { recursive: true, force: true });
		symlinkSync(installation.workflowPackageDir, workflowLink, 'dir');
		const nodesPackageJson = join(this.n8nFolder, 'nodes', 'package.json');
		if (!existsSync(nodesPackageJson)) {
			writeFileSync(nodesPackageJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
		}
		return target;
	}
}

/** A credential as `n8n import:credentials` reads it (plain `data` is encrypted on import). */
export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string>;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

const sleep = async (ms: number) => await new Promise<void>((done) => setTimeout(done, ms));

export interface N8nOptions {
	/** Port to listen on (default: a free one, chosen at each start). */
	port?: number;
	/** Extra environment for every n8n process (server and CLI). */
	env?: Record<string, string>;
	/** Where the server's output goes (default <folder>/n8n.log). */
	logFile?: string;
	/** Echo the server's output to this process's stdout too. */
	echo?: boolean;
	/** `start` (default): the main instance; `worker`: a queue-mode worker (no editor, no REST API). */
	command?: 'start' | 'worker';
}

/** One n8n instance: a line, a user folder, its CLI, its server and its REST API. */
export class N8n {
	private server?: ChildProcess;
	private serverExit?: Promise<void>;
	private log?: WriteStream;
	private logText = '';
	port = 0;
	/** The task runners' broker (n8n 2.x starts one; its default port would clash between instances). */
	brokerPort = 0;
	readonly rest: N8nRest;

	constructor(
		readonly installation: N8nInstallation,
		readonly home: N8nHome,
		readonly options: N8nOptions = {},
	) {
		this.rest = new N8nRest(() => this.url);
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get logFile(): string {
		return this.options.logFile ?? join(this.home.folder, 'n8n.log');
	}

	/** What the server printed since it last started. */
	get output(): string {
		return this.logText;
	}

	get running(): boolean {
		return this.server !== undefined && this.server.exitCode === null && this.server.signalCode === null;
	}

	env(): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {
			PATH: `${dirname(this.installation.nodeBin)}:${process.env.PATH ?? ''}`,
			HOME: process.env.HOME,
			TZ: 'UTC',
			GENERIC_TIMEZONE: 'UTC',
			N8N_USER_FOLDER: this.home.folder,
			N8N_ENCRYPTION_KEY: this.home.encryptionKey,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port || 5678),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${this.port || 5678}/`,
			N8N_EDITOR_BASE_URL: `http://127.0.0.1:${this.port || 5678}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			DB_TYPE: 'sqlite',
			EXECUTIONS_MODE: 'regular',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			N8N_RUNNERS_MODE: 'internal',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort || 5679),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			NODE_ENV: 'production',
			NO_COLOR: '1',
			...this.options.env,
		};
		// n8n 1.x's default expression engine needs isolated-vm, which does not build on Node 20.
		if (this.installation.major === 1) env.N8N_EXPRESSION_ENGINE = 'legacy';
		return env;
	}

	/** Runs `n8n <args>` to completion (the server need not run; mind sqlite locking if it does). */
	async cli(args: string[], options: { timeoutMs?: number } = {}): Promise<CliResult> {
		if (!this.brokerPort) this.brokerPort = await freePort();
		const child = spawn(this.installation.nodeBin, [this.installation.cliJs, ...args], {
			cwd: this.home.folder,
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timeoutMs = options.timeoutMs ?? 180_000;
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
		const code = await new Promise<number | null>((done) => child.once('close', (exitCode) => done(exitCode)));
		clearTimeout(timer);
		return { code, stdout, stderr };
	}

	private async cliOrThrow(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited with ${String(result.code)}\n${result.stdout}\n${result.stderr}`);
		}
		return result;
	}

	/** `n8n import:credentials` of plain credentials (n8n encrypts them with the folder's key). */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = join(this.home.folder, 'import', 'credentials.json');
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			await this.cliOrThrow(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** `n8n import:workflow --separate` of the given workflow JSON objects (each needs an `id`). */
	async importWorkflows(workflows: Record<string, unknown>[]): Promise<void> {
		const folder = join(this.home.folder, 'import', 'workflows');
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
		for (const workflow of workflows) {
			if (typeof workflow.id !== 'string') throw new Error(`workflow "${String(workflow.name)}" has no id`);
			writeFileSync(join(folder, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
		}
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/** `n8n execute --id <id> --rawOutput`: the run's data, or the error n8n printed. */
	async execute(workflowId: string): Promise<ExecuteResult> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const data = parseExecuteOutput(result.stdout);
		return { ...result, ok: result.code === 0 && data !== undefined && !data.data?.resultData?.error, run: data };
	}

	/** Starts the server and waits until it serves requests and has activated its workflows. */
	async start(): Promise<void> {
		if (this.running) throw new Error('n8n is already running');
		this.port = this.options.port ?? (await freePort());
		this.brokerPort = await freePort();
		mkdirSync(dirname(this.logFile), { recursive: true });
		this.log = createWriteStream(this.logFile, { flags: 'a' });
		this.logText = '';
		const command = this.options.command ?? 'start';
		const child = spawn(this.installation.nodeBin, [this.installation.cliJs, command], {
			cwd: this.home.folder,
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		this.server = child;
		const onOutput = (chunk: string) => {
			this.logText += chunk;
			this.log?.write(chunk);
			if (this.options.echo) process.stdout.write(chunk);
		};
		child.stdout?.setEncoding('utf8').on('data', onOutput);
		child.stderr?.setEncoding('utf8').on('data', onOutput);
		this.serverExit = new Promise((done) => child.once('close', () => done()));
		const deadline = Date.now() + 180_000;
		while (Date.now() < deadline) {
			if (!this.running) throw new Error(`n8n exited while starting:\n${this.logText.slice(-4000)}`);
			// A worker serves no editor: its log says when it takes jobs.
			const ready =
				command === 'worker'
					? /n8n worker is now ready/.test(this.logText)
					: /Editor is now accessible via/.test(this.logText) && (await this.healthy());
			if (ready) return;
			await sleep(250);
		}
		await this.stop();
		throw new Error(`n8n did not start within 180 s:\n${this.logText.slice(-4000)}`);
	}

	private async healthy(): Promise<boolean> {
		try {
			const response = await fetch(`${this.url}/healthz`);
			return response.ok;
		} catch {
			return false;
		}
	}

	/** Stops the server (SIGTERM to its process group, SIGKILL after 30 s). */
	async stop(): Promise<void> {
		const child = this.server;
		if (!child) return;
		if (this.running) {
			killGroup(child, 'SIGTERM');
			const killed = await Promise.race([this.serverExit?.then(() => true), sleep(30_000).then(() => false)]);
			if (!killed) {
				killGroup(child, 'SIGKILL');
				await this.serverExit;
			}
		}
		// The task runner and anything else n8n started share its process group.
		killGroup(child, 'SIGKILL');
		this.server = undefined;
		await new Promise<void>((done) => (this.log ? this.log.end(done) : done()));
		this.log = undefined;
		this.rest.forget();
	}

	/**
	 * Kills the server's process group at once, synchronously: for an exit path (`process.on('exit')`)
	 * where nothing asynchronous runs any more. Answers the pid it killed, if any.
	 */
	killNow(): number | undefined {
		const child = this.server;
		if (!child?.pid) return undefined;
		killGroup(child, 'SIGKILL');
		return child.pid;
	}

	/** The server's process id while it runs. */
	get pid(): number | undefined {
		return this.running ? this.server?.pid : undefined;
	}

	async restart(): Promise<void> {
		await this.stop();
		await this.start();
	}

	/** Creates the owner account (first start of a user folder) and logs in. */
	async setupOwner(owner: OwnerLogin = DEFAULT_OWNER): Promise<OwnerLogin> {
		const saved = this.home.savedOwner();
		if (saved) {
			await this.rest.login(saved);
			return saved;
		}
		await this.rest.setupOwner(owner);
		writeFileSync(this.home.ownerMarker, JSON.stringify(owner, null, 2), { mode: 0o600 });
		return owner;
	}
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is gone already.
	}
}

export interface ExecutionRun {
	finished?: boolean;
	status?: string;
	data?: {
		resultData?: {
			error?: { message?: string; description?: string };
			runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: unknown }>>;
			lastNodeExecuted?: string;
		};
	};
}

export interface ExecuteResult extends CliResult {
	ok: boolean;
	run?: ExecutionRun;
}

/** The JSON object `n8n execute --rawOutput` prints after its log lines. */
export function parseExecuteOutput(stdout: string): ExecutionRun | undefined {
	const start = stdout.search(/^\{/m);
	if (start < 0) return undefined;
	const text = stdout.slice(start);
	const end = text.lastIndexOf('\n}');
	try {
		return JSON.parse(end >= 0 ? text.slice(0, end + 2) : text) as ExecutionRun;
	} catch {
		return undefined;
	}
}

/** The items a node emitted in a run (first run of the node, first output). */
export function nodeOutput(run: ExecutionRun | undefined, nodeName: string): Record<string, unknown>[] {
	const runs = run?.data?.resultData?.runData?.[nodeName];
	const items = runs?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json);
}

/** n8n's execution list entry (the fields both lines return). */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
}

/**
 * n8n's internal REST API (`/rest/...`) as the editor uses it: a session cookie from the owner
 * login, and the same `browser-id` header on every request (n8n binds the session to it).
 */
export class N8nRest {
	private cookie?: string;
	readonly browserId = randomUUID();

	constructor(private readonly baseUrl: () => string) {}

	forget(): void {
		this.cookie = undefined;
	}

	get sessionCookie(): string | undefined {
		return this.cookie;
	}

	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.raw(method, path, body);
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 1000)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	async raw(method: string, path: string, body?: unknown): Promise<Response> {
		// n8n may close an idle keep-alive connection just as it is reused; reads are safe to repeat.
		for (let attempt = 1; ; attempt++) {
			try {
				return await this.send(method, path, body);
			} catch (error) {
				if (method !== 'GET' || attempt >= 3) throw error;
			}
		}
	}

	private async send(method: string, path: string, body?: unknown): Promise<Response> {
		const headers: Record<string, string> = { 'browser-id': this.browserId, accept: 'application/json' };
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(`${this.baseUrl()}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((value) => value.split(';')[0]).find((pair) => pair.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		return response;
	}

	async setupOwner(owner: OwnerLogin): Promise<void> {
		await this.request('POST', '/rest/owner/setup', owner);
		if (!this.cookie) await this.login(owner);
	}

	async login(owner: OwnerLogin): Promise<void> {
		await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (!this.cookie) throw new Error('n8n answered the login without a session cookie');
	}

	/** `/types/nodes.json`: every node type the editor knows, with its versions. */
	async nodeTypes(): Promise<Array<{ name: string; displayName: string; version: number | number[]; icon?: unknown; iconUrl?: unknown }>> {
		const response = await this.raw('GET', '/types/nodes.json');
		if (!response.ok) throw new Error(`GET /types/nodes.json answered ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string; version: number | number[] }>;
	}

	async credentialTypes(): Promise<Array<{ name: string; displayName: string }>> {
		const response = await this.raw('GET', '/types/credentials.json');
		if (!response.ok) throw new Error(`GET /types/credentials.json answered ${response.status}`);
		return (await response.json()) as Array<{ name: string; displayName: string }>;
	}

	async workflows(): Promise<Array<{ id: string; name: string; active: boolean }>> {
		const answer = await this.request<unknown>('GET', '/rest/workflows');
		return (Array.isArray(answer) ? answer : ((answer as { data?: unknown[] }).data ?? [])) as Array<{
			id: string;
			name: string;
			active: boolean;
		}>;
	}

	async workflow(id: string): Promise<{ id: string; name: string; active: boolean; versionId: string; activeVersionId?: string | null }> {
		return await this.request('GET', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	/** Activates (2.x: publishes) a workflow the way the editor's toggle does (both lines take its versionId). */
	async activate(id: string): Promise<void> {
		const workflow = await this.workflow(id);
		await this.request('POST', `/rest/workflows/${encodeURIComponent(id)}/activate`, { versionId: workflow.versionId });
	}

	async deactivate(id: string): Promise<void> {
		const workflow = await this.workflow(id);
		await this.request('POST', `/rest/workflows/${encodeURIComponent(id)}/deactivate`, { versionId: workflow.versionId });
	}

	/** Runs the credential type's test against a stored credential with the given data. */
	async testCredential(credential: CredentialImport): Promise<{ status: string; message: string }> {
		return await this.request('POST', '/rest/credentials/test', { credentials: credential });
	}

	/** Executions of one workflow, newest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const answer = await this.request<{ results?: ExecutionSummary[] } | ExecutionSummary[]>(
			'GET',
			`/rest/executions?filter=${filter}&limit=250`,
		);
		const list = Array.isArray(answer) ? answer : (answer.results ?? []);
		return list.map((execution) => ({ ...execution, id: String(execution.id), workflowId: String(execution.workflowId) }));
	}

	/** One execution with its run data (n8n stores it in the `flatted` format). */
	async execution(id: string): Promise<ExecutionRun & ExecutionSummary> {
		const answer = await this.request<ExecutionSummary & { data?: unknown }>('GET', `/rest/executions/${encodeURIComponent(id)}`);
		const data = typeof answer.data === 'string' ? parseFlatted(answer.data) : answer.data;
		return { ...answer, data: data as ExecutionRun['data'] };
	}
}

/**
 * Parses the `flatted` serialisation n8n stores run data in: a JSON array whose first entry is
 * the root and where every string inside an object or array is the index of another entry.
 */
export function parseFlatted(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const revived = new Set<object>();
	const revive = (value: unknown): unknown => {
		if (typeof value !== 'object' || value === null || revived.has(value)) return value;
		revived.add(value);
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const entry = record[key];
			if (typeof entry === 'string') {
				const resolved = table[Number(entry)];
				record[key] = typeof resolved === 'object' && resolved !== null ? revive(resolved) : resolved;
			}
		}
		return value;
	};
	const root = table[0];
	return typeof root === 'object' && root !== null ? revive(root) : root;
}

/** Polls `check` until it returns a value other than undefined/false (or throws after timeoutMs). */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false> | T | undefined | false,
	options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
	const deadline = Date.now() + (options.timeoutMs ?? 60_000);
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error;
		}
		await sleep(options.intervalMs ?? 500);
	}
	const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
	throw new Error(`timed out waiting for ${what}${detail}`);
}
