import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8n, N8nHome, requireInstallation } from './n8n';
import { openEditor, signIn, searchNodes } from '../test/e2e/editor';
async function main() {
	const inst = requireInstallation((process.argv[2] ?? 'v2') as 'v2');
	const home = N8nHome.open(`search-${inst.version}`, { fresh: true });
	const pkg = home.linkPackage(inst);
	for (const n of ['Nex/Nex', 'NexTrigger/NexTrigger', 'NexNotificationTrigger/NexNotificationTrigger']) {
		const f = join(pkg, 'dist/nodes', `${n}.node.json`); const j = JSON.parse(readFileSync(f, 'utf8'));
		j.categories = j.categories.filter((c: string) => c !== 'AI'); writeFileSync(f, JSON.stringify(j));
	}
	const n8n = new N8n(inst, home);
	await n8n.importWorkflows([{ id: 'srchWf', name: 'x', nodes: [{ id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }], connections: {}, settings: {} }]);
	await n8n.start();
	try {
		const owner = await n8n.setupOwner();
		const ed = await openEditor(n8n.url, 'patched');
		try {
			await signIn(ed.page, owner);
			const t = await searchNodes(ed.page, 'Nex'); console.log('triggers', t.items.slice(0, 6)); console.log((await ed.screenshot('t', t.panel)).text.slice(0, 600));
			const a = await searchNodes(ed.page, 'Nex', { workflowId: 'srchWf' }); console.log('actions', a.items.slice(0, 6)); console.log((await ed.screenshot('a', a.panel)).text.slice(0, 600));
		} finally { await ed.close(); }
	} finally { await n8n.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
