import { N8n, N8nHome, requireInstallation } from './n8n';
import { startSandboxes, sandboxCredentials } from './stack';
async function main() {
	const inst = requireInstallation(process.argv[2] as 'v1');
	const sb = await startSandboxes();
	const home = N8nHome.open(`dbg3-${inst.version}`, { fresh: true });
	home.linkPackage(inst);
	const n8n = new N8n(inst, home);
	const wf = (id: string, wait: boolean) => ({ id, name: id, settings: { executionOrder: 'v1' }, nodes: [
		{ id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'b', name: 'W1', type: 'n8n-nodes-nex.nexus', typeVersion: 1, position: [200, 0], parameters: { resource: 'warehouse', operation: 'getAll', returnAll: false, limit: 1 }, credentials: { nexusApi: { id: 'nexusDemoAcct001', name: 'Nexus account' } } },
		...(wait ? [{ id: 'c', name: 'Wait', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [400, 0], parameters: { resume: 'timeInterval', amount: 4, unit: 'seconds' }, webhookId: '0e3c5a1b-7d2f-4e8a-9b6c-1f2e3d4c5b6b' },
		{ id: 'd', name: 'W2', type: 'n8n-nodes-nex.nexus', typeVersion: 1, position: [600, 0], parameters: { resource: 'warehouse', operation: 'getAll', returnAll: false, limit: 1 }, credentials: { nexusApi: { id: 'nexusDemoAcct001', name: 'Nexus account' } } }] : []),
	], connections: wait ? { Start: { main: [[{ node: 'W1', type: 'main', index: 0 }]] }, W1: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] }, Wait: { main: [[{ node: 'W2', type: 'main', index: 0 }]] } } : { Start: { main: [[{ node: 'W1', type: 'main', index: 0 }]] } } });
	try {
		await n8n.importCredentials(sandboxCredentials(sb));
		await n8n.importWorkflows([wf('dbgPlain', false), wf('dbgWait', true)]);
		const show = (label: string, from: number) => console.log(label, sb.nexus.requests.entries.slice(from).map((e) => `${e.method} ${e.path} ${e.status}`));
		let from = sb.nexus.requests.entries.length;
		let r = await n8n.execute('dbgPlain'); console.log('plain ok', r.ok); show('plain', from);
		from = sb.nexus.requests.entries.length; sb.nexus.expireTokens();
		r = await n8n.execute('dbgPlain'); console.log('after expire ok', r.ok, r.run?.data?.resultData?.error?.message); show('expired', from);
		from = sb.nexus.requests.entries.length; sb.nexus.setJwtLifetime(2);
		r = await n8n.execute('dbgWait'); console.log('wait ok', r.ok, r.run?.data?.resultData?.error?.message); show('wait', from);
	} finally { await sb.close(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
