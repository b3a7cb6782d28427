/**
 * The README's "Example workflows" section names each workflow of examples/ as n8n shows it after
 * the import (its `name`), in the order of the files, beside its file name: a reader looking for
 * "example 3" in the editor finds it under the same name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES_DIR = join(ROOT, 'examples');

function exampleSection(): string {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const start = readme.indexOf('\n## Example workflows\n');
	if (start < 0) throw new Error('README has no "Example workflows" section');
	const end = readme.indexOf('\n## ', start + 1);
	return readme.slice(start, end < 0 ? undefined : end);
}

test('the README lists every example under the name it has in n8n, in file order', () => {
	const examples = readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file, index) => {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as { name: string };
			return `${index + 1}. ${workflow.name} (\`${file}\`)`;
		});
	const headings = [...exampleSection().matchAll(/^### (.+)$/gm)].map((match) => match[1]);
	expect(headings).toEqual(examples);
});
