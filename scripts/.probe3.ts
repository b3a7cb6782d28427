import { openEditor, signIn, openNode, dropdownChoices } from '../test/e2e/editor';
import { N8nRest } from './n8n';
async function main() {
	const rest = new N8nRest(() => 'http://127.0.0.1:5699', 2);
	const owner = { email: 'owner@example.com', password: 'Nex-Demo-2026', firstName: '', lastName: '' };
	await rest.login(owner);
	const wf = await rest.request<{ id: string }>('POST', '/rest/workflows', {
		name: 'probe3', nodes: [
			{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'a2', name: 'Nex', type: 'n8n-nodes-nex.nex', typeVersion: 1, position: [220, 0], parameters: { resource: 'record', operation: 'getAll' }, credentials: { nexApi: { id: 'nexDemoAccount01', name: 'Nex account' } } },
		],
		connections: { Start: { main: [[{ node: 'Nex', type: 'main', index: 0 }]] } }, settings: {}, active: false,
	});
	const editor = await openEditor('http://127.0.0.1:5699', 'probe');
	const page = editor.page;
	try {
		await signIn(page, owner);
		const ndv = await openNode(page, wf.id, 'Nex');
		console.log(await ndv.locator('[data-test-id]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-test-id')))].join(' ')));
		const { choices, list } = await dropdownChoices(page, "objectType"); console.log(await page.locator("[data-test-id=\"rlc-item\"]").first().evaluate((el) => { const out = []; let p = el.parentElement; for (let i = 0; i < 8 && p; i++, p = p.parentElement) out.push(p.tagName + "." + p.className + " [" + (p.getAttribute("data-test-id") ?? "") + "] " + p.getBoundingClientRect().height); return out.join("\n"); }));
		console.log(choices);
		await editor.screenshot('probe3', list);
		await editor.screenshot('probe3-page');
	} catch (e) { await editor.screenshot('probe3-fail'); throw e; } finally { await editor.close(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
