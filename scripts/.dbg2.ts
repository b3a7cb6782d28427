import { N8n, N8nHome, requireInstallation, waitFor } from './n8n';
import { execFileSync } from 'node:child_process';
import { startSandboxes, sandboxCredentials, loadExamples } from './stack';
async function main() {
	const line = process.argv[2] as 'v1' | 'v2';
	const which = process.argv.slice(3);
	const t0 = Date.now(); const lap = (s: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
	const inst = requireInstallation(line);
	const sb = await startSandboxes({ nex: { keepaliveIntervalMs: 5000 } });
	const home = N8nHome.open(`dbg-${inst.version}`, { fresh: true });
	home.linkPackage(inst);
	const n8n = new N8n(inst, home, { env: { N8N_LOG_LEVEL: 'debug' } });
	try {
		await n8n.importCredentials(sandboxCredentials(sb));
		await n8n.importWorkflows(loadExamples().map((e) => e.workflow));
		await n8n.start(); await n8n.setupOwner(); lap('started');
		for (const id of which) await n8n.rest.activate(id);
		lap('activated'); for (const id of which) { const w: any = await n8n.rest.workflow(id); console.log(id, w.active, w.activeVersionId, w.versionId); }
		if (which.includes('nexExampleRisk04')) {
			await waitFor('stream', () => sb.nex.streamClientCount() >= 1);
			sb.nex.emitInsightBatch([{ type: 'risk', confidence: 0.95, content: 'DBG A' }]);
			await waitFor('exec A', async () => (await n8n.rest.executions('nexExampleRisk04')).length >= 1, { timeoutMs: 20000 });
			lap('exec A');
			await new Promise((r) => setTimeout(r, 2000));
			const q = () => execFileSync(inst.nodeBin, ['-e', `const s=require('${inst.dir}/node_modules/sqlite3');const d=new s.Database('${home.n8nFolder}/database.sqlite');d.all("select staticData from workflow_entity where id='nexExampleRisk04'",(e,r)=>{console.log(JSON.stringify(r));d.close()})`]).toString();
			console.log('static after A:', q());
			(globalThis as any).q = q;
		}
		await n8n.stop(); lap('stopped'); if ((globalThis as any).q) console.log('static after stop:', (globalThis as any).q());
		sb.nex.emitInsightBatch([{ type: 'risk', confidence: 0.93, content: 'DBG B' }]);
		await n8n.start(); await n8n.setupOwner(); lap('restarted');
		if (which.includes('nexExampleRisk04')) {
			await waitFor('stream', () => sb.nex.streamClientCount() >= 1, { timeoutMs: 30000 });
			lap('reconnected');
			sb.nex.emitInsightBatch([{ type: 'risk', confidence: 0.97, content: 'DBG C' }]);
			await new Promise((r) => setTimeout(r, 8000));
			console.log((await n8n.rest.executions('nexExampleRisk04')).map((e) => [e.id, e.status]));
			console.log([...sb.nex.store.tasks.values()].filter((t) => t.title.includes('DBG')).map((t) => t.title));
			console.log(sb.nex.requests.entries.filter((e) => e.path.includes('insights')).map((e) => `${e.method} ${e.path}?${e.rawQuery} ${e.status}`));
		}
	} finally { console.log(sb.nex.requests.entries.map((e) => e.method + ' ' + e.path + ' ' + e.status)); await n8n.stop(); lap('stopped2'); await sb.close(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
