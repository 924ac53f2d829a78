import { randomUUID } from 'crypto';

import type { SimRequest, SimResponse } from './server';

/* NinjaOne's ticketing, simulated: boards (views over the tickets), statuses, forms, attributes,
   users and contacts, and tickets with their log entries. Stateful: a comment shows in the log
   entries, an update in the next get, and a board run pages with `lastCursorId`. */

type Obj = Record<string, any>;
type Route = (r: SimRequest, p: Record<string, string>) => SimResponse;

/** What ticketing needs to know of the rest of the tenant. */
export interface TicketingTenant {
	organizationExists(id: number): boolean;
	deviceOf(id: number): Obj | undefined;
}

export const TICKET_STATUSES = [
	{ statusId: 1000, name: 'NEW', displayName: 'New', parentId: 1000 },
	{ statusId: 2000, name: 'OPEN', displayName: 'Open', parentId: 2000 },
	{ statusId: 3000, name: 'WAITING', displayName: 'Waiting', parentId: 3000 },
	{ statusId: 4000, name: 'PAUSED', displayName: 'Paused', parentId: 4000 },
	{ statusId: 5000, name: 'RESOLVED', displayName: 'Resolved', parentId: 5000 },
	{ statusId: 6000, name: 'CLOSED', displayName: 'Closed', parentId: 6000 },
];

const ATTRIBUTES = [
	{ id: 1, name: 'Impact', attributeType: 'DROPDOWN', description: 'How many users are affected', active: true, system: false },
	{ id: 2, name: 'Alert UID', attributeType: 'TEXT', description: 'The NinjaOne alert behind the ticket', active: true, system: false },
	{ id: 3, name: 'Contract', attributeType: 'TEXT', description: 'Retired attribute', active: false, system: false },
];

const FORMS = [
	{ id: 1, name: 'Default', description: 'General requests', active: true, default: true, fields: [ATTRIBUTES[0]] },
	{ id: 2, name: 'Monitoring Alert', description: 'Tickets opened from alerts', active: true, default: false, fields: [ATTRIBUTES[1]] },
];

/** Boards are views: "All Tickets", and two boards that split the tickets by type. */
const BOARDS: Array<{ board: Obj; shows: (ticket: Obj) => boolean }> = [
	{ board: { id: 1, name: 'All Tickets', description: 'Every open ticket', system: true }, shows: () => true },
	{ board: { id: 2, name: 'Alerts', description: 'Incidents from monitoring', system: false }, shows: (t) => t.type === 'INCIDENT' },
	{ board: { id: 3, name: 'Service Desk', description: 'Requests and questions', system: false }, shows: (t) => t.type !== 'INCIDENT' },
];

/** Technicians have no organization; end users and contacts belong to one. */
const PEOPLE: Array<{ userType: string; firstName: string; lastName: string; clientId?: number }> = [
	{ userType: 'TECHNICIAN', firstName: 'Tess', lastName: 'Tech' },
	{ userType: 'TECHNICIAN', firstName: 'Tom', lastName: 'Tinker' },
	{ userType: 'END_USER', firstName: 'Erin', lastName: 'Enduser', clientId: 1 },
	{ userType: 'CONTACT', firstName: 'Carl', lastName: 'Contact', clientId: 1 },
	{ userType: 'CONTACT', firstName: 'Cora', lastName: 'Client', clientId: 2 },
];

export class NinjaOneTicketing {
	tickets = new Map<number, Obj>();
	logEntries = new Map<number, Obj[]>();
	/** Technicians, end users and contacts (app-user-contact). */
	users: Obj[] = [];
	private nextTicketId = 1;
	private nextLogEntryId = 1;
	/**
	 * Board cursors handed out: NinjaOne's `lastCursorId` is opaque, so the simulator's are ID-like
	 * numbers that do not grow with the position (a client that compares them would be caught).
	 */
	private readonly boardCursors = new Map<number, number>();
	private readonly boardCursorAt = new Map<number, number>();

	constructor(private readonly tenant: TicketingTenant) {}

	/** The cursor for a board position: the same position gives the same cursor. */
	private boardCursor(position: number): number {
		let cursor = this.boardCursorAt.get(position);
		if (cursor === undefined) {
			// A 6-digit value that falls as the position grows (until it wraps).
			cursor = 999_999 - ((position * 7_919) % 899_999);
			while (this.boardCursors.has(cursor)) cursor = cursor === 100_000 ? 999_999 : cursor - 1;
			this.boardCursorAt.set(position, cursor);
			this.boardCursors.set(cursor, position);
		}
		return cursor;
	}

	get boards(): Obj[] {
		return BOARDS.map(({ board }) => ({ ...board, ticketCount: [...this.tickets.values()].filter(this.shows(board.id)).length }));
	}

	/** Users of every type, and `tickets` tickets spread over the two boards. */
	seed(tickets = 6): void {
		this.tickets.clear();
		this.logEntries.clear();
		this.nextTicketId = 1;
		this.nextLogEntryId = 1;
		this.users = PEOPLE.map((person, i) => ({
			id: 100 + i,
			uid: uuidFor(i + 1),
			naturalId: String(100 + i),
			...person,
			email: `${person.firstName.toLowerCase()}@example.test`,
		}));
		for (let i = 0; i < tickets; i++) {
			const incident = i % 2 === 0;
			const seeded = this.createTicket({
				clientId: (i % 3) + 1,
				ticketFormId: incident ? 2 : 1,
				nodeId: incident ? i + 1 : undefined,
				subject: incident ? `Disk almost full on host-${String(i + 1).padStart(4, '0')}` : `Printer question ${i + 1}`,
				description: { public: true, body: incident ? 'Raised by monitoring' : 'Asked by phone' },
				status: i === tickets - 1 ? '2000' : '1000',
				type: incident ? 'INCIDENT' : 'QUESTION',
				requesterUid: this.users[3 + (i % 2)].uid,
				severity: incident ? 'MAJOR' : 'NONE',
				priority: incident ? 'HIGH' : 'LOW',
				tags: [],
			});
			// Seeded tickets were last touched when they were created, long before any test or trigger.
			seeded.lastUpdated = seeded.createTime;
		}
	}

	readonly routes: Record<string, Route> = {
		'GET /v2/ticketing/trigger/boards': () => ({ status: 200, body: this.boards }),
		'POST /v2/ticketing/trigger/board/{boardId}/run': (r, p) => {
			const board = BOARDS.find(({ board: b }) => b.id === Number(p.boardId));
			if (!board) return error(404, 'BOARD_NOT_FOUND', `Board ${p.boardId} not found`);
			const body = (r.body ?? {}) as Obj;
			const size = Math.min(body.pageSize ?? 50, 1000);
			const needle = String(body.searchCriteria ?? '').toLowerCase();
			const [sort] = (body.sortBy ?? [{ field: 'id', direction: 'ASC' }]) as Obj[];
			const sign = sort.direction === 'DESC' ? -1 : 1;
			const matching = [...this.tickets.values()]
				.filter(board.shows)
				.filter((t) => needle === '' || t.subject.toLowerCase().includes(needle) || String(t.id) === needle)
				.filter((t) => (body.filters ?? []).every((rule: Obj) => rule.operator !== 'eq' || String(t[rule.field]) === rule.value))
				.sort((a, b) => sign * (Number(a[sort.field] ?? 0) - Number(b[sort.field] ?? 0) || a.id - b.id));
			// The cursor stands for the position after the last row sent; an unknown one is refused.
			const from = body.lastCursorId === undefined ? 0 : this.boardCursors.get(Number(body.lastCursorId));
			if (from === undefined) return error(400, 'INVALID_CURSOR', `Unknown lastCursorId ${body.lastCursorId}`);
			const page = matching.slice(from, from + size);
			return {
				status: 200,
				body: {
					data: page.map((t) => boardRow(t)),
					metadata: {
						columns: ['id', 'subject', 'status', 'type', 'priority', 'severity', 'clientId', 'nodeId', 'createTime', 'lastUpdated'],
						lastCursorId: this.boardCursor(from + page.length),
						sortBy: [sort],
					},
				},
			};
		},
		'GET /v2/ticketing/statuses': () => ({ status: 200, body: TICKET_STATUSES }),
		'GET /v2/ticketing/ticket-form': () => ({ status: 200, body: FORMS }),
		'GET /v2/ticketing/ticket-form/{id}': (_r, p) => {
			const form = FORMS.find((f) => f.id === Number(p.id));
			return form ? { status: 200, body: form } : error(404, 'TICKET_FORM_NOT_FOUND', `Ticket form ${p.id} not found`);
		},
		'GET /v2/ticketing/attributes': () => ({ status: 200, body: ATTRIBUTES }),
		'GET /v2/ticketing/contact/contacts': () => ({
			status: 200,
			body: this.users
				.filter((u) => u.userType === 'CONTACT')
				.map((u) => ({ id: u.id, uid: u.uid, clientId: u.clientId, firstName: u.firstName, lastName: u.lastName, email: u.email, displayName: `${u.firstName} ${u.lastName}` })),
		}),
		'GET /v2/ticketing/app-user-contact': (r) => {
			const size = Number(r.query.get('pageSize') ?? 50);
			const anchor = Number(r.query.get('anchorNaturalId') ?? 0);
			const type = r.query.get('userType');
			const client = r.query.get('clientId');
			const needle = (r.query.get('searchCriteria') ?? '').toLowerCase();
			const list = this.users.filter(
				(u) =>
					Number(u.naturalId) > anchor &&
					(!type || u.userType === type) &&
					(!client || u.clientId === Number(client)) &&
					(needle === '' || `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(needle)),
			);
			return { status: 200, body: list.slice(0, size) };
		},
		'POST /v2/ticketing/ticket': (r) => {
			const problem = this.checkTicket(r.body as Obj);
			if (problem) return problem;
			return { status: 200, body: this.createTicket(r.body as Obj) };
		},
		'GET /v2/ticketing/ticket/{ticketId}': (_r, p) => {
			const ticket = this.tickets.get(Number(p.ticketId));
			return ticket ? { status: 200, body: ticket } : notFound(p.ticketId);
		},
		'PUT /v2/ticketing/ticket/{ticketId}': (r, p) => {
			const ticket = this.tickets.get(Number(p.ticketId));
			if (!ticket) return notFound(p.ticketId);
			const body = r.body as Obj;
			if (body.version !== ticket.version) {
				return error(409, 'TICKET_VERSION_CONFLICT', `Ticket ${ticket.id} changed since version ${body.version} (now ${ticket.version})`);
			}
			const problem = this.checkTicket(body);
			if (problem) return problem;
			const before = { ...ticket };
			this.applyTicket(ticket, body);
			ticket.version++;
			ticket.lastUpdated = Date.now() / 1000;
			const changeDiff = Object.fromEntries(
				Object.keys(ticket)
					.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(ticket[key]) && key !== 'version')
					.map((key) => [key, { old: before[key], new: ticket[key] }]),
			);
			this.addEntry(ticket.id, { type: 'SAVE', publicEntry: false, system: true, changeDiff });
			return { status: 200, body: ticket };
		},
		'POST /v2/ticketing/ticket/{ticketId}/comment': (r, p) => {
			const ticket = this.tickets.get(Number(p.ticketId));
			if (!ticket) return notFound(p.ticketId);
			const comment = ((r.body ?? {}) as Obj).comment as Obj | undefined;
			if (!comment || (!comment.body && !comment.htmlBody)) return error(400, 'INVALID_COMMENT', 'A comment needs a body');
			this.addEntry(ticket.id, {
				type: 'COMMENT',
				body: comment.body ?? '',
				htmlBody: comment.htmlBody ?? `<p>${comment.body}</p>`,
				publicEntry: comment.public,
				system: false,
				...(comment.timeTracked ? { timeTracked: comment.timeTracked } : {}),
			});
			return { status: 200 };
		},
		'GET /v2/ticketing/ticket/{ticketId}/log-entry': (r, p) => {
			const ticket = this.tickets.get(Number(p.ticketId));
			if (!ticket) return notFound(p.ticketId);
			const type = r.query.get('type');
			const anchor = Number(r.query.get('anchorId') ?? 0);
			const size = Number(r.query.get('pageSize') ?? 500);
			const list = (this.logEntries.get(ticket.id) ?? []).filter((e) => (!type || e.type === type) && e.id > anchor);
			return { status: 200, body: list.slice(0, size) };
		},
	};

	private shows(boardId: number): (ticket: Obj) => boolean {
		return BOARDS.find(({ board }) => board.id === boardId)?.shows ?? (() => false);
	}

	private checkTicket(body: Obj): SimResponse | undefined {
		if (!this.tenant.organizationExists(body.clientId)) return error(404, 'CLIENT_NOT_FOUND', `Organization ${body.clientId} not found`);
		if (!FORMS.some((f) => f.id === body.ticketFormId)) return error(400, 'INVALID_TICKET_FORM', `Ticket form ${body.ticketFormId} does not exist`);
		if (!TICKET_STATUSES.some((s) => String(s.statusId) === body.status)) return error(400, 'INVALID_STATUS', `Status ${body.status} does not exist`);
		if (body.nodeId !== undefined && body.nodeId !== null) {
			const device = this.tenant.deviceOf(body.nodeId);
			if (!device) return error(404, 'DEVICE_NOT_FOUND', `Device ${body.nodeId} not found`);
			if (device.organizationId !== body.clientId) return error(400, 'DEVICE_NOT_IN_CLIENT', `Device ${body.nodeId} does not belong to organization ${body.clientId}`);
		}
		if (body.requesterUid && !this.users.some((u) => u.uid === body.requesterUid)) {
			return error(404, 'USER_NOT_FOUND', `Requester ${body.requesterUid} not found`);
		}
		for (const attribute of body.attributes ?? []) {
			if (!ATTRIBUTES.some((a) => a.id === attribute.attributeId && a.active)) {
				return error(400, 'INVALID_ATTRIBUTE', `Attribute ${attribute.attributeId} does not exist or is inactive`);
			}
		}
		return undefined;
	}

	/** A ticket as `POST /v2/ticketing/ticket` creates it (the trigger's tests add tickets this way too). */
	createTicket(body: Obj): Obj {
		const ticket: Obj = {
			id: this.nextTicketId++,
			version: 1,
			source: 'TECHNICIAN',
			createTime: 1760000000 + this.nextTicketId,
			lastUpdated: Date.now() / 1000,
			deleted: false,
			tags: [],
			attributeValues: [],
			// Without a requester NinjaOne makes the API's technician the requester.
			requesterUid: this.users[0]?.uid,
		};
		this.applyTicket(ticket, body);
		this.tickets.set(ticket.id, ticket);
		this.addEntry(ticket.id, {
			type: 'DESCRIPTION',
			body: body.description?.body ?? '',
			htmlBody: body.description?.htmlBody ?? `<p>${body.description?.body ?? ''}</p>`,
			publicEntry: body.description?.public ?? true,
			system: false,
		});
		return ticket;
	}

	private applyTicket(ticket: Obj, body: Obj): void {
		const { description: _d, status, cc, attributes, ...fields } = body;
		for (const [key, value] of Object.entries(fields)) if (value !== undefined && value !== null) ticket[key] = value;
		const found = TICKET_STATUSES.find((s) => String(s.statusId) === String(status ?? '1000'));
		ticket.status = { ...found };
		if (cc) ticket.ccList = { uids: cc.uids ?? [], emails: cc.emails ?? [] };
		// CreateTicket and UpdateTicket are full representations: the attribute values are those sent,
		// and an update without `attributes` leaves the ticket without any.
		ticket.attributeValues = ((attributes ?? []) as Obj[]).map((attribute) => ({
			id: attribute.attributeId * 1000 + ticket.id,
			attributeId: attribute.attributeId,
			value: attribute.value,
		}));
	}

	private addEntry(ticketId: number, entry: Obj): void {
		const list = this.logEntries.get(ticketId) ?? [];
		list.push({ id: this.nextLogEntryId++, createTime: 1760000000 + this.nextLogEntryId, appUserContactUid: this.users[0]?.uid, appUserContactType: 'TECHNICIAN', ...entry });
		this.logEntries.set(ticketId, list);
	}
}

/** The columns a board run shows for a ticket. */
function boardRow(ticket: Obj): Obj {
	return {
		id: ticket.id,
		subject: ticket.subject,
		status: ticket.status.displayName,
		type: ticket.type ?? null,
		priority: ticket.priority ?? 'NONE',
		severity: ticket.severity ?? 'NONE',
		clientId: ticket.clientId,
		nodeId: ticket.nodeId ?? null,
		createTime: ticket.createTime,
		lastUpdated: ticket.lastUpdated,
	};
}

/** Stable UUIDs for seeded people, so tests and examples can name them. */
function uuidFor(n: number): string {
	return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

function notFound(ticketId: string): SimResponse {
	return error(404, 'TICKET_NOT_FOUND', `Ticket ${ticketId} not found`);
}

function error(status: number, resultCode: string, errorMessage: string): SimResponse {
	return { status, body: { resultCode, errorMessage, incidentId: randomUUID() } };
}
