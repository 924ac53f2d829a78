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
