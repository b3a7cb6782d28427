import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { FAKE_NEX_KEY } from '../harness/secretScan';
import { ALL_SCOPES } from '../sandbox/nex';
import type { LoggedRequest } from '../sandbox/shared/requestLog';
import { startNexTest, type NexRun, type NexTest } from '../nex/helpers';
import { expectEachOnce, expectStableRowsOnce, FAULTS, MatrixSecrets, REQUEST_OPTIONS, TIMER_SLACK_MS } from './matrix';

/**
 * Fault matrix, Nex offset listings read with several pages in flight (Record → Get Many, Return
 * All, 1,200 companies: 13 pages): a 429 among the parallel pages, a page failing while the
 * others succeed, rows inserted or deleted while the pages are read. A slow answer (a delay) on
 * the second request keeps the pages asked for beside it in flight at once, so each cell also
 * shows the listing was read in parallel. Every run uses a fake key; the file ends with the
 * secrets scan.
 */

let nex: NexTest;
const secrets = new MatrixSecrets();
const PATH = '/v1/objects/company/records';
/** Newest first: a company created during the listing lands before every page read so far. */
const NEWEST_FIRST = { sort: { value: { attribute: 'created_at', direction: 'desc' } } };
const SLOW_SECOND_PAGE = { kind: 'delay' as const, stallMs: 600, method: 'POST', pathIncludes: PATH, skip: 1 };

beforeAll(async () => {
	nex = await startNexTest();
	nex.sandbox.addKey(FAKE_NEX_KEY, [...ALL_SCOPES]);
	secrets.scan.addSecret('the Nex API key', FAKE_NEX_KEY);
	nex.sandbox.seed({ records: { object: 'company', count: 1200 } });
	secrets.start();
});
afterAll(async () => {
	secrets.stop();
	await nex.close();
});
afterEach(() => {
	nex.sandbox.faults.clear();
	nex.sandbox.mutations.clear();
});

function companyIds(): string[] {
	const { store } = nex.sandbox;
	return [...(store.recordsByObject.get(store.objectBySlug('company')!.id.toString()) ?? [])];
}

/** Company ids newest first, as the listing sorted by created_at desc gives them. */
function newestFirst(): string[] {
	const { store } = nex.sandbox;
	return companyIds()
		.map((id) => store.records.get(id)!)
		.sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : -1))
		.map((record) => record.id.toString());
}

async function run(cell: string, options: INodeParameters = {}): Promise<NexRun> {
	const parameters: INodeParameters = {
		resource: 'record',
		operation: 'getAll',
		objectType: nex.rl('id', 'company'),
		returnAll: true,
		simplify: false,
		options,
		requestOptions: REQUEST_OPTIONS,
	};
	const result = await nex.runNex(parameters, { key: FAKE_NEX_KEY });
	secrets.scan.collectRun(cell, result.result);
	secrets.scan.collectError(cell, result.error);
	return result;
}

const pagesOf = (result: NexRun) => result.requests.filter((request) => request.path.endsWith(PATH));
const offsetOf = (request: LoggedRequest) => Number((request.body as IDataObject).offset);

/** Whether a request arrived while an earlier one was still unanswered. */
function overlapping(requests: LoggedRequest[]): boolean {
	return requests.some((later, j) => requests.slice(0, j).some((earlier) => later.at < (earlier.answeredAt ?? Number.POSITIVE_INFINITY)));
}

test('Nex company Get Many (parallel pages) × 429 with Retry-After: 1 on a page in flight → that page asked again after ≥ 1 s, then one page at a time, every company once', async () => {
	nex.sandbox.faults.add(SLOW_SECOND_PAGE);
	// The fifth request: one of the pages asked for at once after the first.
	nex.sandbox.faults.add({ ...FAULTS.rateLimited.spec, method: 'POST', pathIncludes: PATH, skip: 3 });
	const result = await run('parallel × 429');
	expect(result.error).toBeUndefined();
	expectEachOnce(
		result.items.map((item) => String(item.id)),
		companyIds(),
	);
	const pages = pagesOf(result);
	const limited = pages.findIndex((page) => page.status === 429);
	expect(limited).toBeGreaterThan(0);
	expect(overlapping(pages.slice(0, limited + 1))).toBe(true);
	const retry = pages.findIndex((page, index) => index > limited && offsetOf(page) === offsetOf(pages[limited]));
	expect(retry).toBeGreaterThan(limited);
	expect(pages[retry].at - pages[limited].at).toBeGreaterThanOrEqual(1000 - TIMER_SLACK_MS);
	// From the page asked again on, one request at a time.
	expect(overlapping(pages.slice(retry))).toBe(false);
	expect(pages.slice(retry + 1).length).toBeGreaterThan(0);
});

test('Nex company Get Many (parallel pages) × 500 on a page while the others succeed → a clear error, no partial output', async () => {
	nex.sandbox.faults.add(SLOW_SECOND_PAGE);
	nex.sandbox.faults.add({ ...FAULTS.serverError.spec, method: 'POST', pathIncludes: PATH, skip: 2 });
	const result = await run('parallel × 500');
	expect(result.error?.message).toMatch(/had a server error/);
	expect(result.error?.httpCode).toBe('500');
	expect(result.items).toEqual([]);
	const pages = pagesOf(result);
	expect(pages.filter((page) => page.status === 500)).toHaveLength(1);
	expect(pages.filter((page) => page.status === 200).length).toBeGreaterThan(1);
	expect(overlapping(pages)).toBe(true);
});

describe.each([
	['7 companies created after the first page', 'inserted'],
	['7 companies of the first page deleted after it was read', 'deleted'],
] as const)('Nex company Get Many (parallel pages, newest first) × %s', (name, change) => {
	test(`→ every company present before and after exactly once, none repeated`, async () => {
		const before = newestFirst();
		const appliedBefore = nex.sandbox.mutations.applied;
		nex.sandbox.faults.add(SLOW_SECOND_PAGE);
		nex.sandbox.mutations.add({
			method: 'POST',
			pathIncludes: PATH,
			run: async () => {
				if (change === 'inserted') {
					nex.sandbox.seed({ records: { object: 'company', count: 7 } });
					return;
				}
				const { store } = nex.sandbox;
				for (const id of before.slice(40, 47)) store.deleteRecord(store.records.get(id)!);
			},
		});
		const result = await run(`parallel × ${name}`, NEWEST_FIRST);
		const after = newestFirst();
		expect(result.error).toBeUndefined();
		expect(nex.sandbox.mutations.applied).toBe(appliedBefore + 1);
		expect(after.length).toBe(before.length + (change === 'inserted' ? 7 : -7));
		expectStableRowsOnce(
			result.items.map((item) => String(item.id)),
			before,
			after,
		);
		// In the server's order, newest first (every listed company is among the larger of the two sets).
		const listed = result.items.map((item) => String(item.id));
		const all = change === 'inserted' ? after : before;
		expect(listed).toEqual(all.filter((id) => listed.includes(id)));
		expect(overlapping(pagesOf(result))).toBe(true);
	});
});

test('secrets: no Nex key in any output, error or log line of the cells above', () => {
	secrets.expectNoSecrets({ outputs: 3, errors: 1 });
});
