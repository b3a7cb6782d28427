import { TestEngine } from '../harness/engine';
import { testCredential } from '../harness/credentialTest';
import { startNexusSandbox, type NexusSandbox } from '../sandbox/nexus';

describe('Nexus API credential', () => {
	let sandbox: NexusSandbox;
	const engine = new TestEngine();

	beforeAll(async () => {
		sandbox = await startNexusSandbox({ port: 0 });
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => {
		sandbox.requests.clear();
		sandbox.faults.clear();
	});

	const data = () => ({ apiKey: sandbox.orgs.a.apiKey, anonApiKey: sandbox.anonKey, baseUrl: sandbox.baseUrl });

	it('exchanges the agent key for a JWT and passes the test with apikey and Bearer headers', async () => {
		const before = sandbox.authExchanges();
		const result = await testCredential(engine, 'nexusApi', data());
		expect(result).toMatchObject({ ok: true, statusCode: 200 });
		expect(sandbox.authExchanges()).toBe(before + 1);
		const exchange = sandbox.requests.entries.find((r) => r.path === '/functions/v1/agent-auth');
		expect(exchange?.body).toEqual({ api_key: sandbox.orgs.a.apiKey });
		const probe = sandbox.requests.entries.find((r) => r.path === '/rest/v1/warehouses');
		expect(probe?.headers.apikey).toBe(sandbox.anonKey);
		expect(probe?.headers.authorization).toBe(`Bearer ${String(result.data.accessToken)}`);
		expect(String(result.data.accessToken).split('.')).toHaveLength(3);
	});

	it('fails the test when the anon key is wrong, without showing either key', async () => {
		const result = await testCredential(engine, 'nexusApi', { ...data(), anonApiKey: 'wrong-anon-key' });
		expect(result.ok).toBe(false);
		expect(result.message ?? '').not.toContain(sandbox.orgs.a.apiKey);
		expect(result.message).toMatch(/401/);
		expect(result.message ?? '').not.toContain('wrong-anon-key');
	});

	it('retries a cut-off key exchange, and waits for a slow one with the default timeout (no node, no Request Options)', async () => {
		sandbox.faults.add({ kind: 'truncate', method: 'POST', pathIncludes: '/functions/v1/agent-auth' });
		sandbox.faults.add({ kind: 'delay', stallMs: 2000, method: 'POST', pathIncludes: '/functions/v1/agent-auth' });
		// Organization B's key: no token of it is held yet, so the test has to exchange it.
		const result = await testCredential(engine, 'nexusApi', { ...data(), apiKey: sandbox.orgs.b.apiKey });
		expect(result).toMatchObject({ ok: true, statusCode: 200 });
		const exchanges = sandbox.requests.entries.filter((r) => r.path === '/functions/v1/agent-auth');
		expect(exchanges.map((r) => r.fault)).toEqual(['truncate', 'delay']);
		// Answered after 2 s: the default timeout is far longer (a short one from elsewhere did not apply).
		expect(exchanges[1].abandoned).toBe(false);
	});

	it('rejects a malformed key with the expected form and sends nothing', async () => {
		const result = await testCredential(engine, 'nexusApi', { ...data(), apiKey: 'ak_live_123' });
		expect(result.ok).toBe(false);
		expect(result.message).toContain('nxs_ak_');
		expect(result.message).not.toContain('ak_live_123');
		expect(sandbox.requests.entries).toHaveLength(0);
	});

	it('fails the test for an unknown well-formed key with the vendor status', async () => {
		const result = await testCredential(engine, 'nexusApi', { ...data(), apiKey: `nxs_ak_${'x'.repeat(48)}` });
		expect(result.ok).toBe(false);
		expect(result.message).toMatch(/agent-auth answered 401/);
		expect(result.message ?? '').not.toContain('x'.repeat(48));
	});
});
