import { openEditor, signIn, dismissDialogs } from '../test/e2e/editor';
async function main() {
	const editor = await openEditor('http://127.0.0.1:5699', 'probe');
	const page = editor.page;
	try {
		await signIn(page, { email: 'owner@example.com', password: 'Nex-Demo-2026', firstName: '', lastName: '' });
		await page.goto('/workflow/new');
		await dismissDialogs(page);
		const add = page.locator('[data-test-id="canvas-add-button"]').first();
		await add.click();
		const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
		for (const q of process.argv.slice(2)) {
			await search.fill(q);
			await page.waitForTimeout(1500);
			const names = await page.locator('[data-test-id="node-creator-item-name"]').allInnerTexts();
			console.log(q, '=>', names);
		}
		const html = await page.locator('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]').first().evaluate((el) => {
			let p: Element | null = el; for (let i = 0; i < 5 && p; i++) p = p.parentElement; return p?.outerHTML.slice(0, 3000);
		});
		console.log(html);
		await editor.screenshot('probe');
	} finally { await editor.close(); }
}
main().catch((e) => { console.error(e); process.exit(1); });
