/** Child-process entry of `sandboxProcess.ts`: starts one sandbox and reports its URLs and keys. */

async function main(): Promise<void> {
	const [kind, optionsJson] = process.argv.slice(2);
	const options = JSON.parse(optionsJson ?? '{}') as Record<string, unknown>;
	if (kind === 'nex') {
		const { startNexSandbox } = await import('../test/sandbox/nex');
		const sandbox = await startNexSandbox({ port: 0, ...options });
		process.send?.({ baseUrl: sandbox.baseUrl, controlUrl: sandbox.controlUrl, keys: sandbox.keys });
		process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
	} else {
		const { startNexusSandbox } = await import('../test/sandbox/nexus');
		const sandbox = await startNexusSandbox({ port: 0, ...options });
		process.send?.({ baseUrl: sandbox.baseUrl, controlUrl: sandbox.controlUrl, anonKey: sandbox.anonKey, orgs: sandbox.orgs });
		process.once('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
