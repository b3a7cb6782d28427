import type { IDataObject } from 'n8n-workflow';

import type { SendObserver } from '../../shared/request';

/**
 * Offset paging with a few pages in flight, every item once, in the server's order.
 *
 * Once the first page gives `total`, every later offset is known, so up to `parallel` pages are
 * asked for at once (at the first 429, one at a time: the 429 itself waits for Retry-After).
 *
 * A row inserted or deleted while the listing runs shifts every later row, so consecutive pages
 * overlap by one row: page k starts at the last row of page k − 1. Each page is one slice of the
 * listing at the moment it was read; when it shares a row with the page before it, the two
 * slices together hold every row that existed at both moments between their first and last rows,
 * whatever moved around them. Rows met again (shifted by an insert) are output once, by id. A page
 * sharing no row with the one before (rows before it were deleted, shifting it past the boundary)
 * is read again one page earlier, until it does (or from offset 0, which starts the listing).
 */
export interface OffsetAnswer {
	/** The page's rows as the server sent them. */
	rows: IDataObject[];
	/** How many rows the listing held when the page was read, when the answer says. */
	total?: number;
	/** Whether rows follow this page, when the answer says (`has_more`). */
	more?: boolean;
}

export interface OffsetListing<Answer extends OffsetAnswer> {
	fetch(offset: number, limit: number, observer: SendObserver): Promise<Answer>;
	/** The output items of a page's rows that were not output before. */
	shape(page: Answer, rows: IDataObject[]): Promise<IDataObject[]>;
	pageSize: number;
	/** At most this many items (undefined: all). */
	limit: number | undefined;
	/** Pages asked for at once. */
	parallel: number;
}

/** Re-reads of a page that lost its boundary row before the listing gives up: it keeps changing. */
export const MAX_REREADS = 50;

interface Asked<Answer> {
	offset: number;
	size: number;
	page: Promise<Answer>;
}

function idOf(row: IDataObject): string | undefined {
	return row.id === undefined || row.id === null ? undefined : String(row.id);
}

/** Whether two pages share a row (pages without ids cannot be checked: taken as sharing). */
function shareARow(before: IDataObject[], page: IDataObject[]): boolean {
	const ids = new Set(before.map(idOf).filter((id) => id !== undefined));
	if (ids.size === 0) return true;
	return page.some((row) => ids.has(idOf(row) as string));
}

export async function readOffsetPages<Answer extends OffsetAnswer>(listing: OffsetListing<Answer>): Promise<IDataObject[]> {
	const want = listing.limit ?? Number.POSITIVE_INFINITY;
	const step = Math.max(1, listing.pageSize - 1);
	let parallel = Math.max(1, Math.floor(listing.parallel));
	const observer: SendObserver = {
		rateLimited: () => {
			parallel = 1;
		},
	};
	const sent = new Set<Promise<Answer>>();
	let ahead: Array<Asked<Answer>> = [];
	/** Rows the listing is known to hold (from the latest total), capped at the limit. */
	let end: number | undefined;
	let nextOffset = 0;
	let expected = 0;

	const sizeAt = (offset: number) => Math.max(Math.min(offset === 0 ? 1 : 2, want), Math.min(listing.pageSize, want - offset));
	const ask = (offset: number) => {
		const size = sizeAt(offset);
		const page = listing.fetch(offset, size, observer);
		// Failures are awaited when the page's turn comes, or left with the pages given up.
		page.catch(() => undefined);
		sent.add(page);
		ahead.push({ offset, size, page });
	};
	const fill = () => {
		if (ahead.length === 0 || ahead[0].offset !== expected) {
			ahead = [];
			nextOffset = expected;
		}
		if (ahead.length === 0) {
			ask(nextOffset);
			nextOffset += step;
		}
		// Pages beyond the one due only within the rows the listing is known to hold.
		while (ahead.length < parallel && end !== undefined && nextOffset < end - 1) {
			ask(nextOffset);
			nextOffset += step;
		}
	};

	const output: IDataObject[] = [];
	const seen = new Set<string>();
	let tail: IDataObject[] | undefined;
	let rereads = 0;
	try {
		for (;;) {
			fill();
			const asked = ahead.shift() as Asked<Answer>;
			const page = await asked.page;
			if (tail && asked.offset > 0 && !shareARow(tail, page.rows)) {
				if (++rereads > MAX_REREADS) {
					throw new Error('Nex kept changing the listing while it was read: run the node again when fewer rows are being added or deleted');
				}
				expected = Math.max(0, asked.offset - step);
				continue;
			}
			const fresh: IDataObject[] = [];
			for (const row of page.rows) {
				if (output.length + fresh.length >= want) break;
				const id = idOf(row);
				if (id !== undefined) {
					if (seen.has(id)) continue;
					seen.add(id);
				}
				fresh.push(row);
			}
			if (fresh.length) output.push(...(await listing.shape(page, fresh)));
			tail = page.rows;
			if (page.total !== undefined) end = Math.min(want, page.total);
			const last =
				page.rows.length < asked.size ||
				page.more === false ||
				(page.total !== undefined && asked.offset + page.rows.length >= page.total) ||
				output.length >= want;
			if (last) return output;
			expected = asked.offset + Math.max(1, page.rows.length - 1);
		}
	} finally {
		// No request of this listing outlives it.
		await Promise.allSettled(sent);
	}
}
