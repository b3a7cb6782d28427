import { N8n, N8nHome, requireInstallation, packageTypeNames } from './n8n';
import { startSandboxes, sandboxCredentials } from './stack';

async function main() {
	const line = (process.argv[2] ?? 'v2') as 'v1' | 'v2';
	const t0 = Date.now();
	const lap = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
	const installation = requireInstallation(line);
	const sandboxes = await startSandboxes();
	lap('sandboxes');
	const home = N8nHome.open(`smoke-${installation.version}`, { fresh: true });
	home.linkPackage(installation);
	const n8n = new N8n(installation, home);
	const creds = sandboxCredentials(sandboxes);
	await n8n.importCredentials(creds);
	lap('import creds');
	const r = await n8n.cli(['list:workflow']);
	lap('list:workflow ' + r.code);
	lap('import creds');
	process.on('SIGINT', () => void n8n.stop().then(() => process.exit(1)));
	try {
	await n8n.start();
	lap('started ' + n8n.url);
	const owner = await n8n.setupOwner();
	lap('owner ' + owner.email);
	const types = await n8n.rest.nodeTypes();
	const expected = packageTypeNames();
	console.log(expected, types.filter((t) => t.name.startsWith('n8n-nodes-nex')).map((t) => [t.name, (t as any).iconUrl]));
	const ctypes = await n8n.rest.credentialTypes();
	console.log(ctypes.filter((t) => /nex/i.test(t.name)).map((t) => t.name));
	for (const c of creds) console.log(c.type, await n8n.rest.testCredential(c).catch((e) => e.message));
	} finally {
	await n8n.stop();
	lap('stopped');
	}
	await sandboxes.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
