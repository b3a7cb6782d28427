import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// `n8n-node lint` runs `eslint .` with this file: @n8n/node-cli's own config, unchanged, for what
// ships (nodes/, credentials/, package.json). Everything else has eslint.project.config.mjs
// (`npm run lint:project`), so nothing goes unlinted.
const notShipped = globalIgnores([
	'test/**',
	'bench/**',
	'scripts/**',
	'examples/**',
	'*.js',
	'*.mjs',
	'.n8n-real/**',
	'.test-user-folder/**',
	'coverage/**',
]);

// Warnings fail here too: n8n-node lint exits 0 on them, the release gate should not.
const asErrors = (entry) =>
	entry.rules
		? {
				...entry,
				rules: Object.fromEntries(
					Object.entries(entry.rules).map(([name, level]) => [name, strengthen(level)]),
				),
			}
		: entry;
const strengthen = (level) => {
	if (level === 'warn' || level === 1) return 'error';
	if (Array.isArray(level) && (level[0] === 'warn' || level[0] === 1)) return ['error', ...level.slice(1)];
	return level;
};

export default [
	notShipped,
	...config.map(asErrors),
	{ linterOptions: { reportUnusedDisableDirectives: 'error' } },
];
