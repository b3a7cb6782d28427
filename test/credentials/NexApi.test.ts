import { TestEngine, jsonOf } from '../harness/engine';
import { testCredential } from '../harness/credentialTest';
import { startNexSandbox, type NexSandbox } from '../sandbox/nex';

describe('Nex API credential', () => {
	let sandbox: NexSandbox;
	const engine = new TestEngine();

	beforeAll(async () => {
		sandbox = await startNexSandbox({ port: 0 });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.requests.clear());

	it('passes the credential test with a valid key, sending it as a Bearer token', async () => {
		const result = await testCredential(engine, 'nexApi', { apiKey: sandbox.keys.full, baseUrl: sandbox.baseUrl });
		expect(result).toMatchObject({ ok: true, statusCode: 200 });
		const [request] = sandbox.requests.entries;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api/developers/v1/objects');
		expect(request.headers.authorization).toBe(`Bearer ${sandbox.keys.full}`);
	});

	it('fails the credential test with an unknown key, and the message does not contain the key', async () => {
		const result = await testCredential(engine, 'nexApi', { apiKey: 'sk-unknown-key-1234', baseUrl: sandbox.baseUrl });
		expect(result.ok).toBe(false);
		expect(result.statusCode).toBe(401);
		expect(result.message).not.toContain('sk-unknown-key-1234');
	});

	it('tolerates a trailing slash in the base URL', async () => {
		const result = await testCredential(engine, 'nexApi', { apiKey: sandbox.keys.full, baseUrl: `${sandbox.baseUrl}/` });
		expect(result.ok).toBe(true);
		expect(sandbox.requests.entries[0].path).toBe('/api/developers/v1/objects');
	});

	it('reaches the sandbox through a workflow with the Bearer header and no key in the output', async () => {
		engine.addCredential({ id: 'nex-1', name: 'Nex', type: 'nexApi', data: { apiKey: sandbox.keys.full, baseUrl: sandbox.baseUrl } });
		const result = await engine.run({
			nodes: [
				{ id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'b',
					name: 'Nex',
					type: 'n8n-nodes-nex.nex',
					typeVersion: 1,
					position: [200, 0],
					parameters: { resource: 'object', operation: 'getAll' },
					credentials: { nexApi: { id: 'nex-1', name: 'Nex' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Nex', type: 'main', index: 0 }]] } },
		});
		expect(result.error).toBeUndefined();
		const objects = jsonOf(result, 'Nex');
		expect(objects.length).toBeGreaterThan(0);
		expect(sandbox.requests.entries.every((r) => r.headers.authorization === `Bearer ${sandbox.keys.full}`)).toBe(true);
		expect(JSON.stringify(objects)).not.toContain(sandbox.keys.full);
	});
});
