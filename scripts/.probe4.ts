import { N8n, N8nHome, requireInstallation } from './n8n';
import { openEditor, signIn, searchNodes } from '../test/e2e/editor';
async function main() {
	const inst = requireInstallation('v2');
	const home = N8nHome.open(`search-${inst.version}`);
	const n8n = new N8n(inst, home);
	await n8n.start();
	try {
		const owner = await n8n.setupOwner();
		const ed = await openEditor(n8n.url, 'patched');
		try {
			await signIn(ed.page, owner);
			const t = await searchNodes(ed.page, 'Nex');
			console.log(await t.panel.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Nex$/ }).first().evaluate((el) => { let p: any = el; for (let i = 0; i < 4; i++) p = p.parentElement; return p.outerHTML.slice(0, 2500); }));
		} finally { await ed.close(); }
	} finally { await n8n.stop(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
