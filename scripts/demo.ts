/**
 * `npm run demo`: the real n8n editor with this package loaded, working against two local
 * sandboxes standing in for Nex and Nexus, with the example workflows imported.
 *
 *   npm run demo                      n8n 2.x (installs it into .n8n-real/ on first use)
 *   npm run demo -- --n8n 1           n8n 1.123.x instead
 *   npm run demo -- --port 5678       editor port (default 5678, or a free one when taken)
 *   npm run demo -- --reset           start from an empty n8n user folder
 *   npm run demo -- --no-build        skip `npm run build`
 *   npm run demo -- --home NAME        n8n user folder .n8n-real/homes/NAME (default demo-<version>)
 *   npm run demo -- --status-every 30 when the output is not a terminal: a status line every 30 s
 *
 * Ctrl-C stops n8n and both sandboxes; so do a closed terminal (SIGHUP), SIGTERM and an output
 * pipe that went away (`| tee` ended): n8n runs in its own process group, so nothing else would
 * stop it. What was stopped is printed to stderr, or to demo-stop.log in the n8n user folder when
 * no output is left.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { freePort, installN8n, N8n, N8nHome, N8N_LINES, requireInstallation, ROOT, type N8nLine } from './n8n';
import { customerWithWhatsapp, newOrder, shipOrderDirectly } from '../test/e2e/sandboxState';
import { addRecentContact, examplesForImport, loadExamples, sandboxCredentials, startSandboxes, type Sandboxes } from './stack';

interface DemoArgs {
	line: N8nLine;
	port?: number;
	reset: boolean;
	build: boolean;
	/** n8n user folder name under .n8n-real/homes (default demo-<version>). */
	home?: string;
	/** Seconds between status lines when stdout is not a terminal (how a closed pipe is noticed). */
	statusEvery: number;
}

function parseArgs(argv: string[]): DemoArgs {
	const args: DemoArgs = { line: 'v2', reset: false, build: true, statusEvery: 30 };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${arg} needs a value`);
			return next;
		};
		if (arg === '--n8n') {
			const major = value();
			if (major !== '1' && major !== '2') throw new Error('--n8n must be 1 or 2');
			args.line = major === '1' ? 'v1' : 'v2';
		} else if (arg === '--port') {
			const port = Number(value());
			if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error('--port must be a port number');
			args.port = port;
		} else if (arg === '--reset') args.reset = true;
		else if (arg === '--no-build') args.build = false;
		else if (arg === '--home') args.home = value();
		else if (arg === '--status-every') {
			const seconds = Number(value());
			if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--status-every must be a number of seconds');
			args.statusEvery = seconds;
		}
		else throw new Error(`unknown option ${arg} (see scripts/demo.ts)`);
	}
	return args;
}

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

/** Where output goes once stdout is gone (a closed pipe): stderr, else this file. */
let fallbackLog: string | undefined;
let stdoutGone = false;
let stderrGone = false;

/** Writes to stdout while it lasts, then to stderr, then to the fallback log. */
function say(text: string): void {
	if (!stdoutGone) {
		try {
			process.stdout.write(text);
			return;
		} catch {
			stdoutGone = true;
		}
	}
	report(text);
}

/** Writes to stderr while it lasts, else to the fallback log. */
function report(text: string): void {
	if (!stderrGone) {
		try {
			process.stderr.write(text);
			return;
		} catch {
			stderrGone = true;
		}
	}
	if (fallbackLog) appendFileSync(fallbackLog, text);
}

function step(text: string): void {
	say(`\n▸ ${text}\n`);
}

const SAMPLE_ITEMS = [
	{ sku: 'TSH-M-BLK', name: 'T-Shirt Black M', qty: 2, unit_price: 350 },
	{ sku: 'HOD-M-GRY', name: 'Hoodie Grey M', qty: 1, unit_price: 900 },
];

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const { version } = N8N_LINES[args.line];

	if (args.build) {
		step('Building the package (npm run build)');
		const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (build.status !== 0) throw new Error('npm run build failed');
	}

	step(`Real n8n ${version} (installed once into .n8n-real/)`);
	installN8n([args.line]);
	const installation = requireInstallation(args.line);

	step('Starting the Nex and Nexus sandboxes with their demo data');
	const sandboxes: Sandboxes = await startSandboxes();
	// The seeded contacts are days old: the hourly contact-sync example needs some from the last hour.
	for (const [first, last] of [['Nour', 'Hassan'], ['Omar', 'Farid']]) await addRecentContact(sandboxes.nexus, first, last);
	let n8n: N8n | undefined;
	let stopping = false;
	const stop = async (code: number, why: string) => {
		if (stopping) return;
		stopping = true;
		report(`\nStopping n8n and the sandboxes (${why})…\n`);
		const pid = n8n?.pid;
		const port = n8n?.port;
		await n8n?.stop().catch(() => undefined);
		await sandboxes.close();
		const summary = `Stopped: ${pid !== undefined ? `n8n (pid ${pid} and its process group, port ${String(port)}), ` : ''}the Nex sandbox (${sandboxes.nex.baseUrl}) and the Nexus sandbox (${sandboxes.nexus.baseUrl}).\n`;
		report(summary);
		// A closed terminal takes stderr too: the summary is kept in the log as well.
		if (fallbackLog) appendFileSync(fallbackLog, `${new Date().toISOString()} ${summary}`);
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0, 'Ctrl-C'));
	process.on('SIGTERM', () => void stop(0, 'SIGTERM'));
	process.on('SIGHUP', () => void stop(0, 'the terminal closed'));
	// A closed output pipe: writes fail with EPIPE (Node ignores SIGPIPE), asynchronously.
	process.stdout.on('error', (error: NodeJS.ErrnoException) => {
		stdoutGone = true;
		void stop(0, `the output ${error.code === 'EPIPE' ? 'pipe closed' : `failed (${error.code ?? error.message})`}`);
	});
	process.stderr.on('error', () => {
		stderrGone = true;
	});
	// Whatever ends this process (an exception, process.exit), n8n's process group goes with it.
	process.on('exit', () => {
		const pid = n8n?.killNow();
		if (pid !== undefined && !stopping) report(`Stopped n8n (pid ${pid} and its process group).\n`);
	});

	try {
		const home = N8nHome.open(args.home ?? `demo-${version}`, { fresh: args.reset });
		fallbackLog = join(home.folder, 'demo-stop.log');
		home.linkPackage(installation);
		const port = args.port ?? ((await portIsFree(5678)) ? 5678 : await freePort());
		n8n = new N8n(installation, home, { port });

		step('Importing the credentials (pointing at the sandboxes) and the example workflows');
		await n8n.importCredentials(sandboxCredentials(sandboxes));
		const examples = loadExamples();
		const importedMarker = join(home.folder, 'examples-imported');
		const firstStart = !existsSync(importedMarker);
		if (firstStart && examples.length > 0) {
			await n8n.importWorkflows(examplesForImport(examples, new Date()));
			writeFileSync(importedMarker, `${new Date().toISOString()}\n`);
		}

		step(`Starting n8n ${version} (log: ${n8n.logFile})`);
		await n8n.start();
		const owner = await n8n.setupOwner();

		// The trigger and webhook examples are switched on so that they react right away.
		const activated: string[] = [];
		if (firstStart) {
			for (const { workflow } of examples) {
				const isTriggered = workflow.nodes.some((node) => /trigger|webhook/i.test(node.type) && !/manualTrigger|scheduleTrigger/.test(node.type));
				if (!isTriggered) continue;
				try {
					await n8n.rest.activate(workflow.id);
					activated.push(workflow.name);
				} catch (error) {
					say(`  could not activate "${workflow.name}": ${(error as Error).message}\n`);
				}
			}
		}

		const webhookNode = examples
			.flatMap(({ workflow }) => workflow.nodes)
			.find((node) => node.type === 'n8n-nodes-base.webhook');
		const webhookPath = webhookNode ? String(webhookNode.parameters.path ?? '') : '';
		const { nex, nexus } = sandboxes;
		const lines = [
			'',
			'══════════════════════════════════════════════════════════════════════',
			` n8n ${version} with n8n-nodes-nex is running`,
			'',
			`   Editor    ${n8n.url}`,
			`   Login     ${owner.email}  /  ${owner.password}`,
			'',
			` Credentials "Nex account" and "Nexus account" point at the sandboxes:`,
			`   Nex       ${nex.baseUrl}   (key ${nex.keys.full})`,
			`   Nexus     ${nexus.baseUrl}   (org ${nexus.orgs.a.name})`,
			'',
			' What to try:',
			...(examples.length > 0 ? [`   • Open "${examples[0].workflow.name}" (first in the list) and click "Execute workflow".`] : []),
			'   • Open any workflow, add a node, search "Nex": the Nex and Nexus nodes and',
			'     their triggers are there; pick an object type from the live dropdown.',
			...(activated.length > 0 ? [`   • Active now: ${activated.join(', ')}.`] : []),
			'',
			' Keys (type a letter, then Enter):',
			'   i   Nex emits a high-confidence risk insight (starts the risk → task example)',
			'   c   a new Nexus contact (for "Hourly: new Nexus contacts → Nex people")',
			'   s   an order of the Nexus shop ships with a Bosta AWB (starts the shipped → WhatsApp example)',
			...(webhookPath ? [`   o   POST a sample order to ${n8n.url}/webhook/${webhookPath}`] : []),
			'   Ctrl-C stops n8n and the sandboxes.',
			'══════════════════════════════════════════════════════════════════════',
			'',
		];
		say(lines.join('\n'));

		// A pipe whose reader went away is only noticed on the next write: when the output is not a
		// terminal, a status line now and then finds out.
		if (!process.stdout.isTTY) {
			setInterval(() => say(`  ${new Date().toISOString()} n8n is running at ${n8n?.url ?? ''}\n`), args.statusEvery * 1000).unref();
		}

		const input = createInterface({ input: process.stdin });
		input.on('line', (line) => {
			const key = line.trim().toLowerCase();
			void (async () => {
				if (key === 'i') {
					const batch = nex.emitInsightBatch([{ type: 'risk', confidence: 0.93 }]);
					say(`  emitted insight: ${batch.insights.map((insight) => insight.content).join('; ')}\n`);
				} else if (key === 'c') {
					const contact = await addRecentContact(nexus, 'Mariam', 'Adel');
					say(`  new Nexus contact ${contact.email}\n`);
				} else if (key === 's') {
					const customer = await customerWithWhatsapp(nexus);
					const order = await newOrder(nexus, customer.id);
					const awb = await shipOrderDirectly(nexus, order.id);
					say(
						`  order ${order.order_number} of ${customer.first_name} ${customer.last_name} shipped with AWB ${awb} (the Nexus Trigger checks every minute)\n`,
					);
				} else if (key === 'o' && webhookPath && n8n) {
					const customer = await customerWithWhatsapp(nexus);
					const response = await fetch(`${n8n.url}/webhook/${webhookPath}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({
							customer_id: customer.id,
							customer_name: customer.first_name,
							phone: customer.phone_number,
							currency: 'EGP',
							items: SAMPLE_ITEMS,
						}),
					});
					say(`  webhook answered ${response.status}: ${(await response.text()).slice(0, 300)}\n`);
				} else if (key !== '') {
					say('  keys: c, i, s' + (webhookPath ? ', o' : '') + '\n');
				}
			})().catch((error: unknown) => say(`  failed: ${(error as Error).message}\n`));
		});
		input.on('close', () => undefined);
	} catch (error) {
		report(`\n${error instanceof Error ? error.message : String(error)}\n`);
		await stop(1, 'the demo failed');
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
