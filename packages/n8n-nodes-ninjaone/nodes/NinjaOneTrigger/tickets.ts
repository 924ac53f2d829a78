import type { IDataObject, IPollFunctions, JsonObject } from 'n8n-workflow';

import { type BoardQuery, readBoard, runBoardPage } from '../NinjaOne/actions/ticket/api';
import type { NinjaOneClient } from '../NinjaOne/transport';

/* Updated tickets of a board: the board is read most recently updated first, page by page, down
   to the watermark (the newest `lastUpdated` already emitted), and the tickets updated at exactly
   that time are told apart by their IDs, so a ticket is emitted once per update. */

export const TICKET_PAGE_SIZE = 100;

const NEWEST_FIRST: BoardQuery = { sortBy: [{ field: 'lastUpdated', direction: 'DESC' }] };

export interface TicketCursor {
	/** The newest `lastUpdated` emitted (NinjaOne's epoch seconds). */
	watermark: number;
	/** The tickets emitted with exactly that `lastUpdated`. */
	seen: number[];
}

const updatedAt = (ticket: IDataObject) => Number(ticket.lastUpdated ?? 0);
const ticketId = (ticket: IDataObject) => ticket.id as number;
const hasId = (ticket: IDataObject) => typeof ticket.id === 'number';
/** Oldest update first; the same second by ticket ID. */
const oldestFirst = (a: IDataObject, b: IDataObject) => updatedAt(a) - updatedAt(b) || ticketId(a) - ticketId(b);

/** The cursor as of now: the board's latest update (no history on activation). */
export async function ticketCursorNow(ctx: IPollFunctions, client: NinjaOneClient, boardId: number): Promise<TicketCursor> {
	const { rows } = await runBoardPage(ctx, client, boardId, NEWEST_FIRST, TICKET_PAGE_SIZE);
	let watermark = 0;
	for (const ticket of rows) if (hasId(ticket)) watermark = Math.max(watermark, updatedAt(ticket));
	return { watermark, seen: rows.filter((t) => hasId(t) && updatedAt(t) === watermark).map(ticketId) };
}

/** The most recently updated ticket of the board, for "Fetch Test Event". */
export async function latestTicket(ctx: IPollFunctions, client: NinjaOneClient, boardId: number): Promise<JsonObject | undefined> {
	return (await runBoardPage(ctx, client, boardId, NEWEST_FIRST, 10)).rows.find(hasId) as JsonObject | undefined;
}

/**
 * The tickets updated since `cursor`, oldest update first, at most `max` of them, and the cursor
 * after the last one returned: the rest follow in the next polls. Only the oldest `max` are kept
 * while the board is read, however far back the watermark is.
 */
export async function updatedTickets(
	ctx: IPollFunctions,
	client: NinjaOneClient,
	boardId: number,
	cursor: TicketCursor,
	max: number,
): Promise<{ tickets: JsonObject[]; cursor: TicketCursor }> {
	const fresh = new Map<number, IDataObject>();
	await readBoard(ctx, client, boardId, NEWEST_FIRST, {
		pageSize: TICKET_PAGE_SIZE,
		visit(rows) {
			let belowWatermark = false;
			for (const ticket of rows) {
				if (!hasId(ticket)) continue;
				const at = updatedAt(ticket);
				if (at < cursor.watermark) belowWatermark = true;
				else if (at > cursor.watermark || !cursor.seen.includes(ticketId(ticket))) fresh.set(ticketId(ticket), ticket);
			}
			if (fresh.size > 2 * max) keepOldest(fresh, max);
			return !belowWatermark;
		},
	});
	const tickets = [...fresh.values()].sort(oldestFirst).slice(0, max) as JsonObject[];
	if (tickets.length === 0) return { tickets, cursor };
	const watermark = updatedAt(tickets[tickets.length - 1]);
	const atWatermark = tickets.filter((t) => updatedAt(t) === watermark).map(ticketId);
	return { tickets, cursor: { watermark, seen: watermark === cursor.watermark ? [...cursor.seen, ...atWatermark] : atWatermark } };
}

/** Drops all but the `max` oldest updates. */
function keepOldest(tickets: Map<number, IDataObject>, max: number): void {
	const kept = [...tickets.values()].sort(oldestFirst).slice(0, max);
	tickets.clear();
	for (const ticket of kept) tickets.set(ticketId(ticket), ticket);
}
