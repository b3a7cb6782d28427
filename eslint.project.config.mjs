import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// What does not ship, and what eslint.config.mjs (n8n-node lint) therefore leaves out: the tests,
// sandboxes, benchmarks, scripts and the tooling configs. `npm run lint:project`.
export default defineConfig(
	globalIgnores(['dist/**', 'node_modules/**', '.n8n-real/**', '.test-user-folder/**', 'coverage/**', 'nodes/**', 'credentials/**']),
	{
		files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node, ...globals.jest } },
		rules: {
			// Parameters kept for a signature (n8n's interfaces, route handlers) are named `_x`.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
			],
			// Tests feed numbers beyond 2^53 on purpose, to prove the nodes refuse or keep them.
			'no-loss-of-precision': 'off',
		},
	},
	{
		files: ['*.js', 'scripts/**/*.mjs', '*.mjs'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node },
	},
	{ linterOptions: { reportUnusedDisableDirectives: 'error' } },
);
