import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import { collectByReturnedCursor } from '../../shared/pagination';
import { RequestClock } from '../../shared/throttle';
import { listAttributes, listBoards, listForms, listPeoplePage, listStatuses, nextBoardCursor, personName, runBoardPage } from '../actions/ticket/api';
import { titleOf } from '../actions/ticket/fields';
import { ninjaOneClient } from '../transport';

/* The editor's lists for tickets: pickers (listSearch) and the tenant's ticket fields (loadOptions),
   through the node's own request path. */

const LIST_PAGE_SIZE = 50;
/** People are many: the editor's list stops after this many. */
const PEOPLE_MAX = 2000;

const newClient = () => ninjaOneClient(new RequestClock(0));

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const matches = (needle: string, ...values: unknown[]) =>
	needle === '' || values.some((value) => String(value ?? '').toLowerCase().includes(needle));

/** Boards, filtered by name or ID (NinjaOne returns them all at once). */
export async function searchTicketBoards(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const boards = await listBoards(this, newClient());
	const results = boards
		.filter((board) => matches(needle, board.name, board.id))
		.map((board) => ({ name: String(board.name ?? `Board ${board.id}`), value: String(board.id) }))
		.sort(byName);
	return { results };
}

/**
 * Tickets of the chosen board (or of "All Tickets"), searched by NinjaOne and paged by its
 * `lastCursorId`: the next-page token is the cursor of the page shown, read as the trigger and
 * Ticket > Get Many read it (nextBoardCursor).
 */
export async function searchTickets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const client = newClient();
	const boardId = await boardToSearch(this, client);
	if (boardId === undefined) return { results: [] };
	const cursor = paginationToken ? Number(paginationToken) : undefined;
	const search = (filter ?? '').trim();
	const page = await runBoardPage(this, client, boardId, search ? { searchCriteria: search } : {}, LIST_PAGE_SIZE, Number.isFinite(cursor) ? cursor : undefined);
	const results = page.rows.map((ticket) => ({
		name: `#${ticket.id} ${String(ticket.subject ?? ticket.summary ?? '')}`.trim(),
		value: String(ticket.id),
	}));
	const next = nextBoardCursor(page, new Set(cursor === undefined || !Number.isFinite(cursor) ? [] : [cursor]));
	return { results, paginationToken: next === undefined ? undefined : String(next) };
}

async function boardToSearch(ctx: ILoadOptionsFunctions, client: ReturnType<typeof newClient>): Promise<number | undefined> {
	let chosen: unknown;
	try {
		chosen = ctx.getCurrentNodeParameter('boardId', { extractValue: true });
	} catch {
		chosen = undefined;
	}
	if (typeof chosen === 'number' || (typeof chosen === 'string' && /^\d+$/.test(chosen.trim()))) return Number(chosen);
	const boards = await listBoards(ctx, client);
	const all = boards.find((board) => String(board.name ?? '').toLowerCase() === 'all tickets') ?? boards[0];
	return typeof all?.id === 'number' ? all.id : undefined;
}

export async function getTicketStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listStatuses(this, newClient())).map((status) => ({
		name: String(status.displayName ?? status.name ?? status.statusId),
		value: String(status.statusId),
	}));
}

export async function getTicketForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listForms(this, newClient()))
		.filter((form) => form.active !== false)
		.map((form) => ({ name: String(form.name ?? form.id), value: Number(form.id), description: stringOr(form.description) }))
		.sort(byName);
}

export async function getTicketAttributes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listAttributes(this, newClient()))
		.filter((attribute) => attribute.active !== false)
		.map((attribute) => ({
			name: String(attribute.name ?? attribute.id),
			value: Number(attribute.id),
			description: [attribute.attributeType, attribute.description].filter((part) => typeof part === 'string' && part !== '').join(': '),
		}))
		.sort(byName);
}

/** End users, contacts and technicians, by their UID. */
export async function getTicketRequesters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await people(this, {})).map((person) => ({
		name: `${personName(person)}${typeof person.userType === 'string' ? ` (${titleOf(person.userType)})` : ''}`,
		value: String(person.uid),
	}));
}

/** Technicians, by their user ID. */
export async function getTechnicians(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await people(this, { userType: 'TECHNICIAN' })).map((person) => ({ name: personName(person), value: Number(person.id) }));
}

async function people(ctx: ILoadOptionsFunctions, qs: IDataObject): Promise<IDataObject[]> {
	const client = newClient();
	const rows = await collectByReturnedCursor(async (anchor, size) => await listPeoplePage(ctx, client, qs, size, anchor), 200, PEOPLE_MAX);
	return rows.sort((a, b) => personName(a).localeCompare(personName(b)));
}

function stringOr(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export const ticketingLoadOptions = { getTechnicians, getTicketAttributes, getTicketForms, getTicketRequesters, getTicketStatuses };
export const ticketingListSearch = { searchTicketBoards, searchTickets };
