import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../../shared/envelope';
import type { RequestContext } from '../../../shared/request';
import type { NinjaOneClient } from '../../transport';

/* The tenant's ticketing reads that both the operations and the editor's lists use. */

async function listOf(ctx: RequestContext, client: NinjaOneClient, path: string, qs?: IDataObject): Promise<IDataObject[]> {
	const answer = await client.call(ctx, 'GET', path, { qs });
	if (!Array.isArray(answer)) throw new Error(`NinjaOne answered ${path} with something other than a list`);
	return answer.filter(isJsonObject) as IDataObject[];
}

export const listBoards = async (ctx: RequestContext, client: NinjaOneClient) => await listOf(ctx, client, '/v2/ticketing/trigger/boards');
export const listStatuses = async (ctx: RequestContext, client: NinjaOneClient) => await listOf(ctx, client, '/v2/ticketing/statuses');
export const listForms = async (ctx: RequestContext, client: NinjaOneClient) => await listOf(ctx, client, '/v2/ticketing/ticket-form');
export const listAttributes = async (ctx: RequestContext, client: NinjaOneClient) => await listOf(ctx, client, '/v2/ticketing/attributes');

/** The body of a board run: NinjaOne's TicketBoardScrollingRequest. */
export interface BoardQuery {
	searchCriteria?: string;
	sortBy?: IDataObject[];
	filters?: IDataObject[];
	includeColumns?: string[];
}

/** One page of a board's tickets, and the cursor NinjaOne gave with it. */
export async function runBoardPage(
	ctx: RequestContext,
	client: NinjaOneClient,
	boardId: number,
	query: BoardQuery,
	pageSize: number,
	lastCursorId?: number,
): Promise<{ rows: IDataObject[]; next?: number }> {
	const path = `/v2/ticketing/trigger/board/${boardId}/run`;
	const body: IDataObject = { ...query, pageSize };
	if (lastCursorId !== undefined) body.lastCursorId = lastCursorId;
	const answer = await client.call(ctx, 'POST', path, { body });
	if (!isJsonObject(answer) || !Array.isArray(answer.data)) throw new Error(`NinjaOne answered ${path} without a list of tickets ("data")`);
	const metadata = isJsonObject(answer.metadata) ? answer.metadata : {};
	const next = typeof metadata.lastCursorId === 'number' && Number.isFinite(metadata.lastCursorId) ? metadata.lastCursorId : undefined;
	return { rows: (answer.data as unknown[]).filter(isJsonObject) as IDataObject[], next };
}

/**
 * The cursor to ask for after a page, or undefined where the board ends. NinjaOne's spec does not
 * say what `lastCursorId` is, so it is read as opaque: no order is assumed, and only an empty page,
 * a missing cursor or one already used (a repeat) ends the board.
 */
export function nextBoardCursor(page: { rows: IDataObject[]; next?: number }, used: ReadonlySet<number>): number | undefined {
	if (page.rows.length === 0 || page.next === undefined || used.has(page.next)) return undefined;
	return page.next;
}

export interface BoardRead {
	pageSize: number;
	/** Stop after this many tickets. */
	limit?: number;
	/** Sees each page's tickets in order; false stops the read there. */
	visit(rows: IDataObject[]): boolean;
}

/**
 * A board read from its first page, one request per page under the client's throttle, until the
 * board ends (see nextBoardCursor), the limit, or the visitor stops. A page shorter than the
 * largest one NinjaOne has returned so far is the last: a server that caps pages below the size
 * asked for cannot cut the list short.
 */
export async function readBoard(ctx: RequestContext, client: NinjaOneClient, boardId: number, query: BoardQuery, read: BoardRead): Promise<void> {
	const used = new Set<number>();
	let cursor: number | undefined;
	let largest = 0;
	let kept = 0;
	for (;;) {
		const size = read.limit === undefined ? read.pageSize : Math.min(read.pageSize, read.limit - kept);
		if (size <= 0) return;
		const page = await runBoardPage(ctx, client, boardId, query, size, cursor);
		const rows = read.limit === undefined ? page.rows : page.rows.slice(0, read.limit - kept);
		kept += rows.length;
		if (cursor !== undefined) used.add(cursor);
		if (rows.length > 0 && !read.visit(rows)) return;
		const next = nextBoardCursor(page, used);
		if (next === undefined || page.rows.length < Math.min(largest, size)) return;
		largest = Math.max(largest, page.rows.length);
		cursor = next;
	}
}

/** Technicians, end users and contacts of the tenant, paged by `anchorNaturalId`. */
export async function listPeoplePage(
	ctx: RequestContext,
	client: NinjaOneClient,
	qs: IDataObject,
	pageSize: number,
	anchor?: number,
): Promise<{ rows: IDataObject[]; next?: number }> {
	const rows = await listOf(ctx, client, '/v2/ticketing/app-user-contact', { ...qs, pageSize, ...(anchor ? { anchorNaturalId: anchor } : {}) });
	const last = rows[rows.length - 1];
	const next = last === undefined ? undefined : Number(last.naturalId ?? last.id);
	return { rows, next: Number.isSafeInteger(next) ? next : undefined };
}

/** A person as the editor shows them. */
export function personName(person: IDataObject): string {
	const name = [person.firstName, person.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
	const email = typeof person.email === 'string' && person.email !== '' ? ` <${person.email}>` : '';
	return `${name || String(person.uid)}${email}`;
}
