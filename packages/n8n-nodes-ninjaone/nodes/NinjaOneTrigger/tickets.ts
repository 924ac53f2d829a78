import type { IPollFunctions, JsonObject } from 'n8n-workflow';

import type { NinjaOneClient } from '../NinjaOne/transport';
import { isJsonObject } from '../shared/envelope';

/* Updated tickets of a board: the board is read most recently updated first, page by page, down
   to the watermark (the newest `lastUpdated` already emitted), and the tickets updated at exactly
   that time are told apart by their IDs, so a ticket is emitted once per update. */

export const TICKET_PAGE_SIZE = 100;

export interface TicketCursor {
	/** The newest `lastUpdated` emitted (NinjaOne's epoch seconds). */
	watermark: number;
	/** The tickets emitted with exactly that `lastUpdated`. */
	seen: number[];
}

const updatedAt = (ticket: JsonObject) => Number(ticket.lastUpdated ?? 0);

/** One page of the board, most recently updated first. */
async function boardPage(ctx: IPollFunctions, client: NinjaOneClient, boardId: number, pageSize: number, lastCursorId?: number) {
	const path = `/v2/ticketing/trigger/board/${boardId}/run`;
	const answer = await client.call(ctx, 'POST', path, {
		body: { sortBy: [{ field: 'lastUpdated', direction: 'DESC' }], pageSize, ...(lastCursorId !== undefined ? { lastCursorId } : {}) },
	});
	const data = isJsonObject(answer) ? answer.data : undefined;
	if (!Array.isArray(data)) throw new Error(`NinjaOne answered ${path} without a ticket list`);
	const metadata = isJsonObject(answer) && isJsonObject(answer.metadata) ? answer.metadata : {};
	return {
		tickets: data.filter((row): row is JsonObject => isJsonObject(row) && typeof row.id === 'number'),
		next: typeof metadata.lastCursorId === 'number' ? metadata.lastCursorId : undefined,
	};
}

/** The cursor as of now: the board's latest update (no history on activation). */
export async function ticketCursorNow(ctx: IPollFunctions, client: NinjaOneClient, boardId: number): Promise<TicketCursor> {
	const { tickets } = await boardPage(ctx, client, boardId, TICKET_PAGE_SIZE);
	const watermark = tickets.length > 0 ? Math.max(...tickets.map(updatedAt)) : 0;
	return { watermark, seen: tickets.filter((t) => updatedAt(t) === watermark).map((t) => t.id as number) };
}

/** The most recently updated ticket of the board, for "Fetch Test Event". */
export async function latestTicket(ctx: IPollFunctions, client: NinjaOneClient, boardId: number): Promise<JsonObject | undefined> {
	return (await boardPage(ctx, client, boardId, 10)).tickets[0];
}

/** The tickets updated since `cursor`, oldest update first, and the cursor after them. */
export async function updatedTickets(
	ctx: IPollFunctions,
	client: NinjaOneClient,
	boardId: number,
	cursor: TicketCursor,
): Promise<{ tickets: JsonObject[]; cursor: TicketCursor }> {
	const fresh = new Map<number, JsonObject>();
	let lastCursorId: number | undefined;
	for (;;) {
		const page = await boardPage(ctx, client, boardId, TICKET_PAGE_SIZE, lastCursorId);
		let belowWatermark = false;
		for (const ticket of page.tickets) {
			const at = updatedAt(ticket);
			if (at < cursor.watermark) belowWatermark = true;
			else if (at > cursor.watermark || !cursor.seen.includes(ticket.id as number)) fresh.set(ticket.id as number, ticket);
		}
		if (belowWatermark || page.tickets.length < TICKET_PAGE_SIZE || page.next === undefined) break;
		if (lastCursorId !== undefined && page.next <= lastCursorId) {
			throw new Error(`NinjaOne's ticket board did not move on (lastCursorId=${lastCursorId}); stopped instead of repeating pages`);
		}
		lastCursorId = page.next;
	}
	const tickets = [...fresh.values()].sort((a, b) => updatedAt(a) - updatedAt(b) || (a.id as number) - (b.id as number));
	if (tickets.length === 0) return { tickets, cursor };
	const watermark = Math.max(cursor.watermark, ...tickets.map(updatedAt));
	const atWatermark = tickets.filter((t) => updatedAt(t) === watermark).map((t) => t.id as number);
	return { tickets, cursor: { watermark, seen: watermark === cursor.watermark ? [...cursor.seen, ...atWatermark] : atWatermark } };
}
