/**
 * End-to-end tests against the real n8n application (`npm run test:e2e`): one file per n8n
 * line (the MCP tool and record-trigger tests run on that file's n8n) and one for the queue
 * cluster, run one after the other (each starts its own n8n, which wants both cores).
 * `npm test` does not pick these up: they are named *.e2e.ts.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
	},
	testTimeout: 300000,
	maxWorkers: 1,
	verbose: true,
	// Chromium and n8n's HTTP keep-alive sockets can outlive afterAll by a moment.
	forceExit: true,
};
