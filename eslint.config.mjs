import tsParser from '@typescript-eslint/parser';
import * as jsonParser from 'jsonc-eslint-parser';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

// n8n's own community-node rules: the community plugin's recommended config plus
// eslint-plugin-n8n-nodes-base's node and credential rules.
export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', '**/*.js', '**/*.mjs'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsonParser },
		plugins: { '@n8n/community-nodes': communityNodes, 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...communityNodes.configs.recommended.rules,
			...n8nNodesBase.configs.community.rules,
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { '@n8n/community-nodes': communityNodes, 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...communityNodes.configs.recommended.rules,
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two predate NodeConnectionTypes and ask for the literal ['main'], which the
			// community plugin's node-connection-type-literal rule forbids; the newer rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-class-description-inputs-wrong-trigger-node': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Applies only to credentials inside n8n's main repository (a docs slug); community
			// credentials must give a full URL (the community plugin's credential-documentation-url).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
];
