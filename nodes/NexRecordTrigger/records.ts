import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { compareInstants } from '../shared/instants';
import { RECORDS_PAGE_SIZE } from '../Nex/resources/record/listing';
import { nexApiRequest, type NexCallSpec } from '../Nex/shared/transport';
import { encodePathId } from '../shared/pathIds';
import {
	EMPTY_MEMORY,
	FULL_SCAN_MEMORY,
	isAtOrAfterFloor,
	isUnseen,
	merge,
	readMemory,
	ScanReadings,
	trimToCount,
	trimToWindow,
	windowStart,
	type ChangeMemory,
} from './changeMemory';
import { readOffsetPages, type OffsetPage } from './offsetPages';
import { loadState, rowsOf, saveState } from './state';

/**
 * Records created or updated, for one object type, from `POST /v1/objects/{slug}/records`.
 *
 * Nex documents `sort: {attribute, direction}` but not whether `updated_at` may be its attribute.
 * So the poller asks for `updated_at` descending and checks that it got it:
 * - "sorted": a probe (the first record ascending and descending differ, in that order) and every
 *   page in order. Pages are read newest first until one reaches past the boundary (a second
 *   before the newest change of the last scan); an idle poll is one request.
 * - "fullScan": otherwise every record is read on every poll, and the poller remembers the
 *   `(id, updated_at)` of the FULL_SCAN_MEMORY most recently changed records; older ones count as
 *   seen. Each full-scan poll probes again, and goes back to sorted reading when the sort holds.
 * Each item says which mode read it (`readMode`), and a switch to full scans is logged.
 */

export type ReadMode = 'sorted' | 'fullScan';


const LIST_SPEC: NexCallSpec = { scope: 'record.read', notFound: 'object type', safeToRepeat: true };

interface Listing {
	context: IPollFunctions;
	path: string;
	slug: string;
	/** Nex refused `updated_at` as a sort attribute (400) in this poll: read without a sort. */
	sortRefused?: boolean;
}

async function listRecords(listing: Listing, offset: number, limit: number, direction: 'asc' | 'desc'): Promise<OffsetPage> {
	const body: IDataObject = { attributes: 'all', limit, offset };
	if (!listing.sortRefused) body.sort = { attribute: 'updated_at', direction };
	const answer = (await nexApiRequest.call(listing.context, 'POST', listing.path, LIST_SPEC, { body })) as IDataObject;
	const rows = rowsOf(answer).filter((row) => typeof row.updated_at === 'string');
	const total = Number(answer?.total);
	return { rows, last: Number.isFinite(total) && offset + rows.length >= total };
}

/**
 * Whether Nex sorted on updated_at: the first record descending is later than the first ascending.
 * A 400 to the sort is Nex refusing `updated_at` as a sort attribute: the poll then reads unsorted.
 */
async function sortHolds(listing: Listing): Promise<boolean> {
	const refused = (error: unknown) =>
		error instanceof NodeApiError && error.httpCode === '400' ? undefined : Promise.reject(error as Error);
	const first = await listRecords(listing, 0, 1, 'desc').catch(refused);
	if (!first) {
		listing.sortRefused = true;
		return false;
	}
	const [newest] = first.rows;
	const [oldest] = (await listRecords(listing, 0, 1, 'asc')).rows;
	if (!newest || !oldest || newest.id === oldest.id) return false;
	return compareInstants(oldest.updated_at as string, newest.updated_at as string) < 0;
}

interface Scan {
	changed: IDataObject[];
	readings: ScanReadings;
	/** False when a page came back out of updated_at order: the scan is void. */
	ordered: boolean;
}

/** Newest first, until past the memory's floor (or, for a baseline, a second before the newest). */
async function sortedScan(listing: Listing, memory: ChangeMemory, baseline: boolean): Promise<Scan> {
	const scan: Scan = { changed: [], readings: new ScanReadings(), ordered: true };
	let stopBelow = memory.floor;
	await readOffsetPages(
		async (offset, limit) => await listRecords(listing, offset, limit, 'desc'),
		RECORDS_PAGE_SIZE,
		(rows) => {
			let passed = false;
			rows.forEach((row, index) => {
				const at = row.updated_at as string;
				if (index > 0 && compareInstants(at, rows[index - 1].updated_at as string) > 0) scan.ordered = false;
				if (stopBelow === null && baseline) stopBelow = windowStart(at);
				if (stopBelow !== null && compareInstants(at, stopBelow) < 0) passed = true;
				else if (scan.readings.read(row.id as string, at) && isUnseen(memory, row.id as string, at)) scan.changed.push(row);
			});
			return scan.ordered && !passed;
		},
	);
	return scan;
}

/** Every record; only those at or after the floor are remembered while reading. */
async function fullScan(listing: Listing, memory: ChangeMemory): Promise<Scan> {
	const scan: Scan = { changed: [], readings: new ScanReadings(), ordered: true };
	await readOffsetPages(
		async (offset, limit) => await listRecords(listing, offset, limit, 'desc'),
		RECORDS_PAGE_SIZE,
		(rows) => {
			for (const row of rows) {
				const at = row.updated_at as string;
				if (!isAtOrAfterFloor(memory, at)) continue;
				if (scan.readings.read(row.id as string, at) && isUnseen(memory, row.id as string, at)) scan.changed.push(row);
			}
			return true;
		},
	);
	return scan;
}

function toItems(memory: ChangeMemory, changed: IDataObject[], mode: ReadMode, events: string[]): INodeExecutionData[] {
	return changed
		.sort((a, b) => compareInstants(a.updated_at as string, b.updated_at as string))
		.map((record) => {
			const created = typeof record.created_at === 'string' && isUnseen(memory, record.id as string, record.created_at);
			return { event: created ? 'recordCreated' : 'recordUpdated', readMode: mode, record };
		})
		.filter((item) => events.includes(item.event))
		.map((json) => ({ json }));
}

export async function pollRecords(context: IPollFunctions, objectType: unknown, events: string[]): Promise<INodeExecutionData[][] | null> {
	const slug = encodePathId(context.getNode(), objectType, 'Object Type');
	const listing: Listing = { context, path: `/v1/objects/${slug}/records`, slug };
	if (context.getMode() === 'manual') {
		// "Fetch test event": the most recently changed record (of the first page, unsorted); nothing is saved.
		const mode: ReadMode = (await sortHolds(listing)) ? 'sorted' : 'fullScan';
		const { rows } = await listRecords(listing, 0, mode === 'sorted' ? 1 : RECORDS_PAGE_SIZE, 'desc');
		const latest = rows.sort((a, b) => compareInstants(b.updated_at as string, a.updated_at as string))[0];
		return latest ? [toItems(EMPTY_MEMORY, [latest], mode, ['recordCreated', 'recordUpdated'])] : null;
	}

	const watched = `records:${slug}`;
	const saved = loadState(context, watched);
	const memory = readMemory(saved?.memory) ?? EMPTY_MEMORY;
	const baseline = saved === undefined;
	const before: ReadMode = saved?.mode === 'fullScan' ? 'fullScan' : 'sorted';
	let mode: ReadMode = baseline || before === 'fullScan' ? ((await sortHolds(listing)) ? 'sorted' : 'fullScan') : 'sorted';
	let scan = mode === 'sorted' ? await sortedScan(listing, memory, baseline) : undefined;
	if (!scan?.ordered) {
		mode = 'fullScan';
		scan = await fullScan(listing, memory);
	}
	if (mode !== before || baseline) {
		if (mode === 'sorted') context.logger.info(`Nex Record Trigger: Nex sorts ${slug} records on updated_at; each poll reads only what changed.`);
		else context.logger.warn(`Nex Record Trigger: Nex did not sort ${slug} records on updated_at; each poll reads every record (full scan).`);
	}
	const merged = merge(memory, scan.readings.byId);
	saveState(context, watched, { mode, memory: mode === 'sorted' ? trimToWindow(merged) : trimToCount(merged, FULL_SCAN_MEMORY) } as IDataObject);
	if (baseline) return null;
	const items = toItems(memory, scan.changed, mode, events);
	return items.length > 0 ? [items] : null;
}
