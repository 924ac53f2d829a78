/** One page of a cursor-paged list: `cursor` is undefined for the first page. */
export type FetchPage<Row> = (cursor: number | undefined, pageSize: number) => Promise<Row[]>;

/**
 * Collects a list paged by "after the last ID": pages of `pageSize` until `limit` rows or a page
 * shorter than asked (the last one: asking again would only fetch an empty page, one request and
 * one throttle interval per list). Callers keep `pageSize` within the endpoint's documented
 * maximum, so a short page always means the end. A cursor that does not advance is an error,
 * never a loop or a silent cut.
 */
export async function collectByCursor<Row>(
	fetchPage: FetchPage<Row>,
	cursorOf: (row: Row) => number | undefined,
	pageSize: number,
	limit?: number,
): Promise<Row[]> {
	const rows: Row[] = [];
	let cursor: number | undefined;
	while (limit === undefined || rows.length < limit) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - rows.length);
		const page = await fetchPage(cursor, size);
		if (page.length === 0) break;
		for (const row of page) rows.push(row);
		const next = cursorOf(page[page.length - 1]);
		if (next === undefined || !Number.isFinite(next) || (cursor !== undefined && next <= cursor)) {
			throw new Error(
				`the list cursor did not advance (after=${cursor ?? 'none'}, last ID on the page=${next ?? 'missing'}); stopped after ${rows.length} rows instead of repeating pages`,
			);
		}
		if (page.length < size) break;
		cursor = next;
	}
	if (limit !== undefined && rows.length > limit) rows.length = limit;
	return rows;
}

/** One page of a list paged by a server-side cursor: its rows, the cursor's name and position. */
export interface NamedCursorPage<Row> {
	rows: Row[];
	cursor?: string;
	/** Where this page starts in the whole list, if the server says. */
	offset?: number;
}

/**
 * Collects a list paged by a named server-side cursor (NinjaOne's reports): the first page opens
 * the cursor, each next page names it. Stops at `limit`, at a page shorter than asked (no request
 * for an empty page after it) or when no cursor comes back.
 * The server keeps the cursor's position, so a page must start where the last one ended: one that
 * starts earlier (a cursor that does not advance) or later (rows lost, e.g. to a retried request
 * whose first answer never arrived) is an error, never a loop or a silent gap.
 */
export async function collectByNamedCursor<Row>(
	fetchPage: (cursor: string | undefined, pageSize: number) => Promise<NamedCursorPage<Row>>,
	pageSize: number,
	limit?: number,
): Promise<Row[]> {
	const rows: Row[] = [];
	let cursor: string | undefined;
	let expectedOffset: number | undefined;
	while (limit === undefined || rows.length < limit) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - rows.length);
		const page = await fetchPage(cursor, size);
		if (page.rows.length === 0) break;
		if (expectedOffset !== undefined && page.offset !== undefined && page.offset !== expectedOffset) {
			const problem = page.offset < expectedOffset ? 'did not advance' : 'skipped rows';
			throw new Error(
				`the report cursor ${problem} (a page at offset ${page.offset} where ${expectedOffset} was next); stopped after ${rows.length} rows rather than return them ${page.offset < expectedOffset ? 'repeated' : 'incomplete'}`,
			);
		}
		for (const row of page.rows) rows.push(row);
		// A page shorter than asked is the last: no request for an empty page after it.
		if (page.rows.length < size || !page.cursor) break;
		cursor = page.cursor;
		expectedOffset = page.offset === undefined ? undefined : page.offset + page.rows.length;
	}
	if (limit !== undefined && rows.length > limit) rows.length = limit;
	return rows;
}
