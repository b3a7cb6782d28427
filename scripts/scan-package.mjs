// `npm run scan`: n8n's community-package scanner (@n8n/scan-community-package) run on this
// package before it is published. The scanner's command line only takes a published name: it
// checks the npm provenance, fetches the attested source and the tarball, and lints both with
// inline eslint-disable comments ignored. Provenance exists only once the publish workflow has
// run, so this runs the scanner's own lint, `analyzePackage`, on what it would fetch:
//   1. source:  this checkout, limited to the scanner's SOURCE_FILE_PATTERNS;
//   2. tarball: `npm pack` unpacked, its .js files and package.json, as the scanner does;
// and adds
//   3. current: this project's eslint.config.mjs (node-cli's config, the current community-nodes
//      plugin) on nodes/, credentials/ and package.json, inline disables ignored as well.
// Exit code 1 when any of them finds an error. Run `npm run build` first (the npm script does).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist'))) {
	console.error('dist/ is missing: run `npm run build` first');
	process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'n8n-nodes-nex-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack left no tarball');
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', join(work, tarball), '-C', unpacked, '--strip-components=1']);

	const legs = [
		['source (scanner rules, this checkout)', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
		[`tarball (scanner rules, ${tarball})`, await analyzePackage(unpacked, ['**/*.js', 'package.json'])],
		['current (eslint.config.mjs, no inline config)', await lintCurrent()],
	];

	let passed = true;
	for (const [name, result] of legs) {
		passed &&= result.passed;
		console.log(`${result.passed ? 'PASS' : 'FAIL'}  ${name}${result.message ? `: ${result.message}` : ''}`);
		if (result.details) console.log(result.details);
	}
	console.log(
		passed
			? 'n8n-nodes-nex passes the community-package scan (npm provenance is checked once published).'
			: 'n8n-nodes-nex fails the community-package scan.',
	);
	process.exitCode = passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}

async function lintCurrent() {
	const eslint = new ESLint({ cwd: root, allowInlineConfig: false });
	const results = await eslint.lintFiles(['nodes', 'credentials', 'package.json']);
	const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
	if (problems === 0) return { passed: true };
	const formatter = await eslint.loadFormatter('stylish');
	return { passed: false, message: `${problems} problem(s)`, details: await formatter.format(results) };
}
