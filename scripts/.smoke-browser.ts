import { N8n, N8nHome, requireInstallation } from './n8n';
import { openEditor, signIn, searchNodes } from '../test/e2e/editor';

async function main() {
	const line = (process.argv[2] ?? 'v2') as 'v1' | 'v2';
	const installation = requireInstallation(line);
	const home = N8nHome.open(`smoke-${installation.version}`);
	home.linkPackage(installation);
	const n8n = new N8n(installation, home);
	process.on('SIGINT', () => void n8n.stop().then(() => process.exit(1)));
	await n8n.start();
	try {
		const owner = await n8n.setupOwner();
		const editor = await openEditor(n8n.url, 'smoke');
		try {
			await signIn(editor.page, owner);
			console.log('signed in', editor.page.url());
			const { items, panel } = await searchNodes(editor.page, 'Nex');
			console.log(items);
			const shot = await editor.screenshot('search', panel);
			console.log(shot.path, shot.text.slice(0, 500));
		} catch (e) {
			await editor.screenshot('failure');
			throw e;
		} finally {
			await editor.close();
		}
	} finally {
		await n8n.stop();
	}
}
main().catch((e) => { console.error(e); process.exit(1); });
