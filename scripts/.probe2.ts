import { openEditor, signIn, dismissDialogs } from '../test/e2e/editor';
import { N8nRest } from './n8n';
async function main() {
	const rest = new N8nRest(() => 'http://127.0.0.1:5699', 2);
	await rest.login({ email: 'owner@example.com', password: 'Nex-Demo-2026', firstName: '', lastName: '' });
	const wf = await rest.request<{ id: string }>('POST', '/rest/workflows', {
		name: 'probe', nodes: [{ id: 'a1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {}, settings: {}, active: false,
	});
	console.log('wf', wf.id);
	const editor = await openEditor('http://127.0.0.1:5699', 'probe');
	const page = editor.page;
	try {
		await signIn(page, { email: 'owner@example.com', password: 'Nex-Demo-2026', firstName: '', lastName: '' });
		await page.goto(`/workflow/${wf.id}`);
		await dismissDialogs(page);
		const add = page.locator('[data-test-id="canvas-add-button"], [data-test-id="canvas-handle-plus"]').first();
		await add.waitFor();
		console.log(await page.locator('[data-test-id]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-test-id')))].join(' ')));
		await add.click();
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
		for (const q of process.argv.slice(2)) {
			await search.fill(q);
			await page.waitForTimeout(1500);
			const names = await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
			console.log(q, '=>', names);
		}
		await editor.screenshot('probe2');
	} finally { await editor.close(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
