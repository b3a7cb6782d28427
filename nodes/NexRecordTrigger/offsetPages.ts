import type { IDataObject } from 'n8n-workflow';

/**
 * Reads an offset-paged Nex listing (records: body `{limit, offset}`; tasks: `?limit&offset`) page
 * by page, for a scan that must not skip a row while the listing moves.
 *
 * Offsets shift when rows move: a row changed during the scan moves up (rows below it are read
 * twice, which the scan tolerates), a deleted row moves every later row up by one, which would skip
 * the row at the next page's edge. So consecutive pages overlap by one row: when the next page does
 * not start with the row that ended the previous one, the listing moved and the page before is
 * read again, so that at most a page of deletions is covered. Duplicates are the caller's to drop.
 */

export interface OffsetPage {
	rows: IDataObject[];
	/** The listing says there is nothing after this page (`has_more: false`, or `total` reached). */
	last?: boolean;
}

/** Step-backs one scan may make; past them a moving listing is read straight on. */
const MAX_STEP_BACKS = 10;

export async function readOffsetPages(
	fetchPage: (offset: number, limit: number) => Promise<OffsetPage>,
	pageSize: number,
	/** Handles one page; answers false to stop reading. */
	onPage: (rows: IDataObject[]) => boolean | Promise<boolean>,
): Promise<void> {
	let offset = 0;
	let edgeId: string | undefined;
	let stepBacks = 0;
	for (;;) {
		const page = await fetchPage(offset, pageSize);
		if (edgeId !== undefined && String(page.rows[0]?.id) !== edgeId && stepBacks < MAX_STEP_BACKS && offset > 0) {
			stepBacks++;
			edgeId = undefined;
			offset = Math.max(0, offset - (pageSize - 1));
			continue;
		}
		if (!(await onPage(page.rows))) return;
		if (page.last || page.rows.length < pageSize) return;
		edgeId = String(page.rows[page.rows.length - 1].id);
		offset += page.rows.length - 1;
	}
}
