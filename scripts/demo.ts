/**
 * `npm run demo`: the real n8n editor with this package loaded, working against two local
 * sandboxes standing in for Nex and Nexus, with the example workflows imported.
 *
 *   npm run demo                      n8n 2.x (installs it into .n8n-real/ on first use)
 *   npm run demo -- --n8n 1           n8n 1.123.x instead
 *   npm run demo -- --port 5678       editor port (default 5678, or a free one when taken)
 *   npm run demo -- --reset           start from an empty n8n user folder
 *   npm run demo -- --no-build        skip `npm run build`
 *
 * Ctrl-C stops n8n and both sandboxes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { freePort, installN8n, N8n, N8nHome, N8N_LINES, requireInstallation, ROOT, type N8nLine } from './n8n';
import { customerWithWhatsapp, newOrder, shipOrderDirectly } from '../test/e2e/sandboxState';
import { loadExamples, sandboxCredentials, startSandboxes, type Sandboxes } from './stack';

interface DemoArgs {
	line: N8nLine;
	port?: number;
	reset: boolean;
	build: boolean;
}

function parseArgs(argv: string[]): DemoArgs {
	const args: DemoArgs = { line: 'v2', reset: false, build: true };
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

function step(text: string): void {
	process.stdout.write(`\n▸ ${text}\n`);
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
	let n8n: N8n | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write('\nStopping n8n and the sandboxes…\n');
		await n8n?.stop().catch(() => undefined);
		await sandboxes.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const home = N8nHome.open(`demo-${version}`, { fresh: args.reset });
		home.linkPackage(installation);
		const port = args.port ?? ((await portIsFree(5678)) ? 5678 : await freePort());
		n8n = new N8n(installation, home, { port });

		step('Importing the credentials (pointing at the sandboxes) and the example workflows');
		await n8n.importCredentials(sandboxCredentials(sandboxes));
		const examples = loadExamples();
		const importedMarker = join(home.folder, 'examples-imported');
		const firstStart = !existsSync(importedMarker);
		if (firstStart && examples.length > 0) {
			await n8n.importWorkflows(examples.map(({ workflow }) => ({ ...workflow, active: false })));
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
					process.stdout.write(`  could not activate "${workflow.name}": ${(error as Error).message}\n`);
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
			'   • Open "Meeting notes → follow-up tasks" and click "Execute workflow".',
			'   • Open any workflow, add a node, search "Nex": the Nex and Nexus nodes and',
			'     their triggers are there; pick an object type from the live dropdown.',
			...(activated.length > 0 ? [`   • Active now: ${activated.join(', ')}.`] : []),
			'',
			' Keys (type a letter, then Enter):',
			'   i   Nex emits a high-confidence risk insight (starts the risk → task example)',
			'   s   an order of the Nexus shop ships with a Bosta AWB (starts the shipped → WhatsApp example)',
			...(webhookPath ? [`   o   POST a sample order to ${n8n.url}/webhook/${webhookPath}`] : []),
			'   Ctrl-C stops n8n and the sandboxes.',
			'══════════════════════════════════════════════════════════════════════',
			'',
		];
		process.stdout.write(lines.join('\n'));

		const input = createInterface({ input: process.stdin });
		input.on('line', (line) => {
			const key = line.trim().toLowerCase();
			void (async () => {
				if (key === 'i') {
					const batch = nex.emitInsightBatch([{ type: 'risk', confidence: 0.93 }]);
					process.stdout.write(`  emitted insight: ${batch.insights.map((insight) => insight.content).join('; ')}\n`);
				} else if (key === 's') {
					const customer = await customerWithWhatsapp(nexus);
					const order = await newOrder(nexus, customer.id);
					const awb = await shipOrderDirectly(nexus, order.id);
					process.stdout.write(
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
					process.stdout.write(`  webhook answered ${response.status}: ${(await response.text()).slice(0, 300)}\n`);
				} else if (key !== '') {
					process.stdout.write('  keys: i, s' + (webhookPath ? ', o' : '') + '\n');
				}
			})().catch((error: unknown) => process.stdout.write(`  failed: ${(error as Error).message}\n`));
		});
		input.on('close', () => undefined);
	} catch (error) {
		process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
		await stop(1);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
