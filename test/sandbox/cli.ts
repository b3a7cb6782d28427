/**
 * `npm run sandbox`: starts the Nex and Nexus sandboxes on 127.0.0.1 and prints their URLs and
 * demo keys. Ports: --nex-port / --nexus-port (default 4010 / 4020; 0 picks a free port).
 * Ctrl-C stops both.
 */
import { describeNexSandbox, startNexSandbox } from './nex';
import { describeNexusSandbox, startNexusSandbox } from './nexus';

function portArg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`--${name} must be a port number`);
	return value;
}

async function main(): Promise<void> {
	const nex = await startNexSandbox({ port: portArg('nex-port', 4010) });
	const nexus = await startNexusSandbox({ port: portArg('nexus-port', 4020) });
	process.stdout.write(`${describeNexSandbox(nex)}\n\n${describeNexusSandbox(nexus)}\n\nPress Ctrl-C to stop.\n`);
	const stop = async () => {
		await Promise.allSettled([nex.close(), nexus.close()]);
		process.exit(0);
	};
	process.once('SIGINT', () => void stop());
	process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
