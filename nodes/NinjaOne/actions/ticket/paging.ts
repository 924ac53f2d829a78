/** One page of a list paged by an opaque cursor: its rows and the cursor of the next page. */
export type FetchCursorPage<Row> = (cursor: number | undefined, pageSize: number) => Promise<{ rows: Row[]; next?: number }>;

/**
 * Collects a list paged by a cursor the API hands back (a board's `lastCursorId`, a log entry's
 * `anchorId`): pages until `limit` rows or a page shorter than asked (no request for a trailing empty
 * page). A cursor that repeats is an error, never a loop or a silent cut.
 */
export async function collectByReturnedCursor<Row>(fetchPage: FetchCursorPage<Row>, pageSize: number, limit?: number): Promise<Row[]> {
	const rows: Row[] = [];
	const seen = new Set<number>();
	let cursor: number | undefined;
	while (limit === undefined || rows.length < limit) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - rows.length);
		const page = await fetchPage(cursor, size);
		if (page.rows.length === 0) break;
		for (const row of page.rows) rows.push(row);
		if (page.rows.length < size) break;
		const next = page.next;
		if (next === undefined || !Number.isFinite(next) || next === cursor || seen.has(next)) {
			throw new Error(
				`the list cursor did not advance (cursor=${cursor ?? 'none'}, next=${next ?? 'missing'}); stopped after ${rows.length} rows instead of repeating pages`,
			);
		}
		seen.add(next);
		cursor = next;
	}
	if (limit !== undefined && rows.length > limit) rows.length = limit;
	return rows;
}
