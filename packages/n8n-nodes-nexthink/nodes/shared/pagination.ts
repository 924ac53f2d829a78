// Generated from common/pagination.ts by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.
/**
 * The one paging loop of the package: pages of `pageSize` until `limit` rows, an empty page, or a
 * page shorter than the largest one the server has returned so far. A page shorter than asked is
 * not enough: a server may cap its pages below the asked size (NinjaOne's spec gives no maximum
 * for some lists), and stopping there would silently return one page. So a list that fits in one
 * page costs one more request, which comes back empty or short. `step` checks each page before its
 * rows are kept and gives the cursor of the next page (undefined: the list ends here); a cursor
 * that does not advance is its error, never a loop or a silent cut.
 */
async function collectPages<Page extends { rows: Row[] }, Row, Cursor>(
	fetchPage: (cursor: Cursor | undefined, pageSize: number) => Promise<Page>,
	step: (page: Page, cursor: Cursor | undefined, size: number, kept: number, last: boolean) => Cursor | undefined,
	pageSize: number,
	limit?: number,
): Promise<Row[]> {
	const rows: Row[] = [];
	let cursor: Cursor | undefined;
	let largest = 0;
	while (limit === undefined || rows.length < limit) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - rows.length);
		const page = await fetchPage(cursor, size);
		if (page.rows.length === 0) break;
		const last = isLastPage(page.rows.length, largest);
		largest = Math.max(largest, page.rows.length);
		const next = step(page, cursor, size, rows.length, last);
		for (const row of page.rows) rows.push(row);
		if (last || next === undefined) break;
		cursor = next;
	}
	if (limit !== undefined && rows.length > limit) rows.length = limit;
	return rows;
}

/**
 * Whether a page of `length` rows ends a list whose largest page so far had `largest` rows: only
 * an empty page, or one shorter than what the server has shown it gives (its cap or the asked size).
 */
export function isLastPage(length: number, largest: number): boolean {
	return length === 0 || length < largest;
}

/** One page of a cursor-paged list: `cursor` is undefined for the first page. */
export type FetchPage<Row> = (cursor: number | undefined, pageSize: number) => Promise<Row[]>;

/**
 * A list paged by "after the last ID" (devices, organizations, locations). Every page, a short last
 * one too, must end past the previous cursor: a repeated page is an error.
 */
export async function collectByCursor<Row>(
	fetchPage: FetchPage<Row>,
	cursorOf: (row: Row) => number | undefined,
	pageSize: number,
	limit?: number,
): Promise<Row[]> {
	return await collectPages(
		async (cursor: number | undefined, size: number) => ({ rows: await fetchPage(cursor, size) }),
		({ rows }, cursor, _size, kept) => {
			const next = cursorOf(rows[rows.length - 1]);
			if (next === undefined || !Number.isFinite(next) || (cursor !== undefined && next <= cursor)) {
				throw new Error(
					`the list cursor did not advance (after=${cursor ?? 'none'}, last ID on the page=${next ?? 'missing'}); stopped after ${kept + rows.length} rows instead of repeating pages`,
				);
			}
			return next;
		},
		pageSize,
		limit,
	);
}

/** One page of a list paged by a cursor the API hands back: its rows and the cursor of the next page. */
export type FetchCursorPage<Row> = (cursor: number | undefined, pageSize: number) => Promise<{ rows: Row[]; next?: number }>;

/**
 * A list paged by a cursor the API hands back (a ticket board's `lastCursorId`, a log entry's
 * `anchorId`). A last page, or one shorter than asked, may come without a usable cursor; any other
 * page whose cursor repeats is an error.
 */
export async function collectByReturnedCursor<Row>(fetchPage: FetchCursorPage<Row>, pageSize: number, limit?: number): Promise<Row[]> {
	const seen = new Set<number>();
	return await collectPages(
		fetchPage,
		({ rows, next }, cursor, size, kept, last) => {
			// The last page needs no cursor; nor can a page shorter than asked without one be followed.
			if (last || (next === undefined && rows.length < size)) return undefined;
			if (next === undefined || !Number.isFinite(next) || next === cursor || seen.has(next)) {
				throw new Error(
					`the list cursor did not advance (cursor=${cursor ?? 'none'}, next=${next ?? 'missing'}); stopped after ${kept + rows.length} rows instead of repeating pages`,
				);
			}
			seen.add(next);
			return next;
		},
		pageSize,
		limit,
	);
}

/** One page of a list paged by a server-side cursor: its rows, the cursor's name and position. */
export interface NamedCursorPage<Row> {
	rows: Row[];
	cursor?: string;
	/** Where this page starts in the whole list, if the server says. */
	offset?: number;
}

/**
 * A list paged by a named server-side cursor (NinjaOne's reports): the first page opens the
 * cursor, each next page names it; the list ends when no cursor comes back. The server keeps the
 * cursor's position, so a page must start where the last one ended: one that starts earlier (a
 * cursor that does not advance) or later (rows lost, e.g. to a retried request whose first answer
 * never arrived) is an error, never a loop or a silent gap.
 */
export async function collectByNamedCursor<Row>(
	fetchPage: (cursor: string | undefined, pageSize: number) => Promise<NamedCursorPage<Row>>,
	pageSize: number,
	limit?: number,
): Promise<Row[]> {
	let expectedOffset: number | undefined;
	return await collectPages(
		fetchPage,
		(page, _cursor, _size, kept) => {
			if (expectedOffset !== undefined && page.offset !== undefined && page.offset !== expectedOffset) {
				const earlier = page.offset < expectedOffset;
				throw new Error(
					`the report cursor ${earlier ? 'did not advance' : 'skipped rows'} (a page at offset ${page.offset} where ${expectedOffset} was next); stopped after ${kept} rows rather than return them ${earlier ? 'repeated' : 'incomplete'}`,
				);
			}
			expectedOffset = page.offset === undefined ? undefined : page.offset + page.rows.length;
			return page.cursor || undefined;
		},
		pageSize,
		limit,
	);
}
