import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FAKE_NEX_KEY } from '../harness/secretScan';
import { ALL_SCOPES } from '../sandbox/nex';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { startNexTest, type NexRun, type NexTest } from '../nex/helpers';
import {
	AMBIGUOUS_FAULTS,
	expectEachOnce,
	expectPagesUnder,
	FAULTS,
	MatrixSecrets,
	outcomeOf,
	PAGING_FAULTS,
	requestOptionsFor,
	SAFE_WRITE_FAULTS,
	TIMER_SLACK_MS,
	type Fault,
} from './matrix';

/**
 * Fault matrix, Nex node: the three paging styles of the Nex API (records: `{limit, offset}` in
 * the body; tasks: `?limit&offset`; timeline: `?limit&cursor`) read with Return All while page 2
 * meets each fault; a non-idempotent write (Record → Create) after an ambiguous failure is never
 * sent twice; an idempotent one (Record → Create or Update, a PUT) is. Every run uses a fake key,
 * and the file ends with the secrets scan over all of it.
 */

let nex: NexTest;
const secrets = new MatrixSecrets();
let personIds: string[];
let openTaskIds: string[];
let timelineRecordId: string;
let timelineEventIds: string[];

beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.addKey(FAKE_NEX_KEY, [...ALL_SCOPES]);
	secrets.scan.addSecret('the Nex API key', FAKE_NEX_KEY);
	const { store } = nex.sandbox;
	nex.sandbox.seed({ records: { object: 'person', count: 140 }, tasks: 560 });
	personIds = [...store.recordsByObject.get(store.objectBySlug('person')!.id.toString())!];
	openTaskIds = [...store.tasks.values()].filter((task) => !task.archivedAt).map((task) => task.id.toString());
	timelineRecordId = personIds[0];
	nex.sandbox.seed({ timeline: { recordId: timelineRecordId, count: 150 } });
	timelineEventIds = (store.timeline.get(timelineRecordId) ?? []).map((event) => event.id.toString());
	secrets.start();
});
afterAll(async () => {
	secrets.stop();
	await nex.close();
});
afterEach(() => nex.sandbox.faults.clear());

async function run(cell: string, parameters: INodeParameters): Promise<NexRun> {
	const result = await nex.runNex(parameters, { key: FAKE_NEX_KEY });
	secrets.scan.collectRun(cell, result.result);
	secrets.scan.collectError(cell, result.error);
	return result;
}

interface PagingTarget {
	name: string;
	method: 'GET' | 'POST';
	path: () => string;
	parameters: () => INodeParameters;
	/** Which page a request asked for. */
	key: (request: LoggedRequest) => string;
	expected: () => string[];
}

const PAGING_TARGETS: PagingTarget[] = [
	{
		name: 'Nex record Get Many (Return All, body offset)',
		method: 'POST',
		path: () => '/v1/objects/person/records',
		parameters: () => ({ resource: 'record', operation: 'getAll', objectType: nex.rl('id', 'person'), simplify: false }),
		key: (request) => String((request.body as IDataObject).offset),
		expected: () => personIds,
	},
	{
		name: 'Nex task Get Many (Return All, query offset)',
		method: 'GET',
		path: () => '/v1/tasks',
		parameters: () => ({ resource: 'task', operation: 'getAll' }),
		key: (request) => String(request.query.offset),
		expected: () => openTaskIds,
	},
	{
		name: 'Nex timeline Get Many (Return All, cursor)',
		method: 'GET',
		path: () => `/v1/records/${timelineRecordId}/timeline`,
		parameters: () => ({ resource: 'timeline', operation: 'getAll', recordId: nex.rl('id', timelineRecordId) }),
		key: (request) => String(request.query.cursor ?? 'first page'),
		expected: () => timelineEventIds,
	},
];

describe.each(PAGING_TARGETS.map((target) => [target.name, target] as const))('%s', (_name, target) => {
	test.each(PAGING_FAULTS.map((fault) => [fault.name, outcomeOf(fault), fault] as const))(
		`${target.name} × %s on page 2 → %s`,
		async (faultName, _outcome, fault) => {
			nex.sandbox.faults.add({ ...fault.spec, method: target.method, pathIncludes: target.path(), skip: 1 });
			const result = await run(`${target.name} × ${faultName}`, {
				...target.parameters(),
				returnAll: true,
				requestOptions: requestOptionsFor(fault),
			});
			const pages = result.requests.filter((request) => request.path.endsWith(target.path()));
			expect(pages.length).toBeGreaterThanOrEqual(2);
			expectPagesUnder(fault, pages, target.key, 1);
			if (fault.read === 'retried') {
				expect(result.error).toBeUndefined();
				expectEachOnce(
					result.items.map((item) => String(item.id)),
					target.expected(),
				);
			} else {
				expectClearError(result, fault);
				expect(result.items).toEqual([]);
			}
		},
	);
});

function expectClearError(result: NexRun, fault: Fault): void {
	expect(result.error).toBeDefined();
	expect(result.error?.message).toMatch(fault.error ?? /./);
	expect(result.error?.description).toEqual(expect.any(String));
	if (fault.spec.kind === 'status') expect(result.error?.httpCode).toBe(String(fault.spec.status));
	// The key is never part of the error.
	expect(`${result.error?.message} ${result.error?.description}`).not.toContain(FAKE_NEX_KEY);
}

/** Person records holding this email address. */
function peopleWithEmail(email: string): number {
	return [...nex.sandbox.store.records.values()].filter((record) =>
		((record.attributes.email_addresses as unknown[] | undefined) ?? []).some((value) => String(value) === email),
	).length;
}

let writeCount = 0;
function uniqueEmail(): string {
	writeCount++;
	return `fault.${writeCount}.${Date.now()}@example.com`;
}

describe('Nex record Create (POST, not safe to repeat)', () => {
	const create = (email: string): INodeParameters => ({
		resource: 'record',
		operation: 'create',
		objectType: nex.rl('id', 'person'),
		attributesInput: 'json',
		attributesJson: JSON.stringify({ name: 'Fault Matrix', email_addresses: [email] }),
	});

	test.each(AMBIGUOUS_FAULTS.map((fault) => [fault.name, fault] as const))(
		'Nex record Create × %s → a clear error, the write sent exactly once',
		async (faultName, fault) => {
			const email = uniqueEmail();
			nex.sandbox.faults.add({ ...fault.spec, count: 1, method: 'POST', pathIncludes: '/v1/objects/person' });
			const result = await run(`Nex record Create × ${faultName}`, { ...create(email), requestOptions: requestOptionsFor(fault) });
			const posts = result.requests.filter((request) => request.method === 'POST');
			expect(posts).toHaveLength(1);
			expectClearError(result, fault);
			expect(result.items).toEqual([]);
			// The error says the write was not repeated and may have happened: check before running again.
			expect(result.error?.description).toMatch(/not repeated/i);
			// A cut or reset answer came after the server created the record; a status or a stall before.
			expect(peopleWithEmail(email)).toBe(fault.spec.kind === 'reset' || fault.spec.kind === 'truncate' ? 1 : 0);
		},
	);

	test('Nex record Create × 429 with Retry-After: 1 → sent again after ≥ 1 s (the server did not act), one record', async () => {
		const email = uniqueEmail();
		nex.sandbox.faults.add({ ...FAULTS.rateLimited.spec, method: 'POST', pathIncludes: '/v1/objects/person' });
		const result = await run('Nex record Create × 429', create(email));
		expect(result.error).toBeUndefined();
		const posts = result.requests.filter((request) => request.method === 'POST');
		expect(posts.map((request) => request.status)).toEqual([429, 200]);
		expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
		expect(result.items).toHaveLength(1);
		expect(peopleWithEmail(email)).toBe(1);
	});
});

describe('Nex record Create or Update (PUT, safe to repeat)', () => {
	test.each(SAFE_WRITE_FAULTS.map((fault) => [fault.name, fault] as const))(
		'Nex record Create or Update × %s → sent again, one record',
		async (faultName, fault) => {
			const email = uniqueEmail();
			nex.sandbox.faults.add({ ...fault.spec, count: 1, method: 'PUT', pathIncludes: '/v1/objects/person' });
			const result = await run(`Nex record Create or Update × ${faultName}`, {
				resource: 'record',
				operation: 'upsert',
				objectType: nex.rl('id', 'person'),
				matchingAttribute: 'email_addresses',
				attributesInput: 'json',
				attributesJson: JSON.stringify({ name: 'Fault Upsert', email_addresses: [email] }),
				requestOptions: requestOptionsFor(fault),
			});
			expect(result.error).toBeUndefined();
			const puts = result.requests.filter((request) => request.method === 'PUT');
			expect(puts).toHaveLength(2);
			expect(puts[0].fault).toBe(fault.spec.kind);
			expect(puts[1].bodyText).toBe(puts[0].bodyText);
			expect(result.items).toHaveLength(1);
			expect(peopleWithEmail(email)).toBe(1);
		},
	);
});

test('secrets: the fake key appears in no output, error or log line of the cells above', () => {
	secrets.expectNoSecrets({ outputs: 2000, errors: 10 });
});
