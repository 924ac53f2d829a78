import { readFileSync } from 'fs';
import { join } from 'path';

import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import { NINJAONE_SEED } from '../../sandbox/sandbox';
import { nodeTypes } from '../harness/nodeTypes';
import { CREDENTIAL, fixturePerFile, NINJA_TYPE } from './fixture';

/* Ticket operations, pickers and tenant lists in n8n's engine (and n8n's LoadOptionsContext)
   against the spec-checking simulator, which keeps tickets and their log entries. */

const f = fixturePerFile();

const api = (route: string) => f.sim.server.requests(route).filter((r) => r.pathname.startsWith('/v2'));
const results = (json: IDataObject[]) => {
	for (const item of json) expect(item).toMatchObject({ has_error: false, error: null });
	return json.map((item) => item.result as IDataObject);
};
const one = (json: IDataObject[]) => {
	expect(json).toHaveLength(1);
	return results(json)[0];
};
const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
const requester = () => f.sim.ticketing.users.find((u) => u.userType === 'CONTACT')!.uid as string;

/** The editor's context for the node with `parameters`, as n8n builds it for a list. */
function editor(parameters: INodeParameters, path = 'parameters.ticketId') {
	const node: INode = { id: 'node', name: 'NinjaOne', type: NINJA_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials: CREDENTIAL };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: f.helper,
		currentNodeParameters: parameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, path);
	const { methods } = new NinjaOne();
	return {
		search: async (method: keyof typeof methods.listSearch, filter?: string, token?: string) =>
			await methods.listSearch[method].call(context, filter, token),
		load: async (method: keyof typeof methods.loadOptions) => await methods.loadOptions[method].call(context),
	};
}

describe('Ticket > Create', () => {
	it('opens a ticket on a device with every field, and the description starts its log', async () => {
		const run = await f.run({
			resource: 'ticket',
			operation: 'create',
			organizationId: '1',
			ticketFormId: 2,
			status: '={{ "Open" }}',
			subject: 'CPU above 90% on host-0004',
			description: 'Raised by n8n',
			additionalFields: {
				nodeId: '4',
				type: 'INCIDENT',
				priority: 'HIGH',
				severity: 'CRITICAL',
				requesterUid: requester(),
				assignedAppUserId: 100,
				tags: 'alert, cpu',
				ccEmails: 'it@example.com',
				followupTime: '2030-01-02T03:04:05Z',
				descriptionPublic: false,
				attributes: { attribute: [{ attributeId: 2, value: 'abc-uid' }] },
			},
		});
		const ticket = one(run.json);
		expect(ticket).toMatchObject({ clientId: 1, nodeId: 4, subject: 'CPU above 90% on host-0004', status: { statusId: 2000, displayName: 'Open' }, type: 'INCIDENT' });
		const [request] = api('POST /v2/ticketing/ticket');
		expect(request.body).toEqual({
			clientId: 1,
			ticketFormId: 2,
			subject: 'CPU above 90% on host-0004',
			status: '2000',
			nodeId: 4,
			type: 'INCIDENT',
			priority: 'HIGH',
			severity: 'CRITICAL',
			requesterUid: requester(),
			assignedAppUserId: 100,
			tags: ['alert', 'cpu'],
			cc: { emails: ['it@example.com'] },
			followupTime: 1893553445,
			attributes: [{ attributeId: 2, value: 'abc-uid' }],
			description: { public: false, body: 'Raised by n8n' },
		});
		// The status was checked against the tenant's list once, before the write.
		expect(api('GET /v2/ticketing/statuses')).toHaveLength(1);
		const log = await f.run({ resource: 'ticket', operation: 'getLogEntries', ticketId: byId(ticket.id as number), returnAll: true, filters: {} });
		expect(results(log.json)).toEqual([expect.objectContaining({ type: 'DESCRIPTION', body: 'Raised by n8n', publicEntry: false })]);
	});

	it('creates one ticket per item and reads the status list once per execution', async () => {
		const run = await f.run(
			{ resource: 'ticket', operation: 'create', organizationId: '={{ $json.org }}', ticketFormId: 1, status: '1000', subject: '={{ $json.subject }}' },
			[{ org: 1, subject: 'First' }, { org: 2, subject: 'Second' }],
		);
		expect(results(run.json).map((t) => t.subject)).toEqual(['First', 'Second']);
		expect(api('GET /v2/ticketing/statuses')).toHaveLength(1);
		expect(api('POST /v2/ticketing/ticket').map((r) => (r.body as IDataObject).description)).toEqual([undefined, undefined]);
	});

	it('never sends a create twice when NinjaOne fails it, and says why in its words', async () => {
		f.sim.server.faults = [{ route: 'POST /v2/ticketing/ticket', kind: 'status', status: 503 }];
		const run = await f.run({ resource: 'ticket', operation: 'create', organizationId: '1', ticketFormId: 1, status: '1000', subject: 'S' });
		expect(run.error?.message).toMatch(/^NinjaOne 503/);
		expect(api('POST /v2/ticketing/ticket')).toHaveLength(1);
		f.sim.server.reset();
		const wrong = await f.run({ resource: 'ticket', operation: 'create', organizationId: '1', ticketFormId: 1, status: '1000', subject: 'S', additionalFields: { nodeId: '2' } });
		expect(wrong.error?.message).toMatch(/^NinjaOne 400: Device 2 does not belong to organization 1 \(DEVICE_NOT_IN_CLIENT\)/);
	});

	const create = (extra: IDataObject = {}, additionalFields: IDataObject = {}) => ({
		resource: 'ticket',
		operation: 'create',
		organizationId: '1',
		ticketFormId: 1,
		status: '1000',
		subject: 'Subject',
		...extra,
		additionalFields,
	}) as INodeParameters;

	it.each([
		['a ticket without subject', create({ subject: '={{ $json.none }}' }), /^Subject \(item 0\): is required/],
		['a subject over 200 characters', create({ subject: 'x'.repeat(201) }), /^Subject \(item 0\): is 201 characters long; NinjaOne takes at most 200/],
		['an organization an expression leaves empty', create({ organizationId: '={{ $json.none }}' }), /^Organization \(item 0\): is required/],
		['a ticket form that is no ID', create({ ticketFormId: '={{ "Default" }}' }), /^Ticket Form \(item 0\): must be a positive whole number/],
		['a requester that is no UUID', create({}, { requesterUid: '={{ "carl" }}' }), /^Requester \(item 0\): must be a UUID/],
		['an unknown type', create({}, { type: '={{ "BUG" }}' }), /^Type \(item 0\): must be one of APPOINTMENT/],
		['an unknown priority', create({}, { priority: '={{ "URGENT" }}' }), /^Priority \(item 0\): must be one of NONE, LOW, MEDIUM, HIGH/],
		['an unknown severity', create({}, { severity: '={{ "FATAL" }}' }), /^Severity \(item 0\): must be one of NONE, MINOR/],
		['a CC that is no email', create({}, { ccEmails: 'it, boss@example.com' }), /^CC Emails \(item 0\): "it" is not an email address/],
		['tags as invalid JSON', create({}, { tags: '["a", ' }), /^Tags \(item 0\): is not valid JSON/],
		['a device ID that is a word', create({}, { nodeId: 'host-1' }), /^Device \(item 0\): must be a positive whole number/],
		['an attribute without ID', create({}, { attributes: { attribute: [{ attributeId: '', value: 'x' }] } }), /^Attributes \(item 0\): entry 0 has no attribute/],
		['an attribute value that is an object', create({}, { attributes: { attribute: [{ attributeId: 1, value: '={{ { a: 1 } }}' }] } }), /^Attributes \(item 0\): entry 0: the value must be text/],
		['a follow-up time that is no date', create({}, { followupTime: 'soon' }), /^Follow-Up Time \(item 0\): must be an ISO 8601 date-time/],
	])('catches %s before any request', async (_name, parameters, message) => {
		const run = await f.run(parameters);
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(message);
		expect(api('')).toHaveLength(0);
	});

	it('catches an unknown status before the ticket is written, naming the known ones', async () => {
		const run = await f.run(create({ status: '={{ "Done" }}' }));
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(/^Status \(item 0\): "Done" is not a status of this NinjaOne tenant; known: New \(1000\), Open \(2000\)/);
		expect(api('').map((r) => `${r.method} ${r.pathname}`)).toEqual(['GET /v2/ticketing/statuses']);
	});
});

describe('Ticket > Get, Update, Add Comment, Get Log Entries', () => {
	it('gets a ticket by ID, from the list, by URL and from a plain ID of an older workflow', async () => {
		const values = [
			byId(3),
			{ __rl: true, mode: 'list', value: '3', cachedResultName: '#3 Disk almost full' },
			{ __rl: true, mode: 'url', value: 'https://app.ninjarmm.com/#/ticketing/ticket/3' },
			'3',
		];
		for (const ticketId of values) {
			const run = await f.run({ resource: 'ticket', operation: 'get', ticketId });
			expect(one(run.json)).toMatchObject({ id: 3, type: 'INCIDENT', nodeId: 3 });
		}
		expect(api('GET /v2/ticketing/ticket/3')).toHaveLength(4);
		// The editor refuses a typed URL without a ticket; an expression's is caught by the node.
		await expect(f.run({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'url', value: 'https://example.com/tickets/3' } })).rejects.toThrow(/Not a NinjaOne ticket URL/);
		const bad = await f.run({ resource: 'ticket', operation: 'get', ticketId: { __rl: true, mode: 'url', value: '={{ "https://example.com/tickets/3" }}' } });
		expect(bad.error?.message).toMatch(/^Ticket \(item 0\): is not a NinjaOne ticket URL/);
		const missing = await f.run({ resource: 'ticket', operation: 'get', ticketId: byId(999) });
		expect(missing.error?.message).toMatch(/^NinjaOne 404: Ticket 999 not found \(TICKET_NOT_FOUND\)/);
	});

	it('updates the chosen fields, keeps the others, and the next get shows the change', async () => {
		const run = await f.run({
			resource: 'ticket',
			operation: 'update',
			ticketId: byId(1),
			updateFields: { status: '5000', priority: 'LOW', subject: 'Disk cleaned', attributes: { attribute: [{ attributeId: 1, value: 'High' }] } },
		});
		expect(one(run.json)).toMatchObject({ id: 1, version: 2, status: { statusId: 5000 }, priority: 'LOW', subject: 'Disk cleaned' });
		const [put] = api('PUT /v2/ticketing/ticket/1');
		expect(put.body).toMatchObject({
			version: 1,
			clientId: 1,
			ticketFormId: 2,
			nodeId: 1,
			type: 'INCIDENT',
			severity: 'MAJOR',
			requesterUid: f.sim.ticketing.tickets.get(1)!.requesterUid,
			status: '5000',
			priority: 'LOW',
			subject: 'Disk cleaned',
			attributes: [{ attributeId: 1, value: 'High' }],
		});
		const again = await f.run({ resource: 'ticket', operation: 'get', ticketId: byId(1) });
		expect(one(again.json)).toMatchObject({ version: 2, status: { displayName: 'Resolved' }, attributeValues: [{ attributeId: 1, value: 'High' }] });
		const saves = await f.run({ resource: 'ticket', operation: 'getLogEntries', ticketId: byId(1), returnAll: true, filters: { type: 'SAVE' } });
		expect(results(saves.json)).toHaveLength(1);
		expect(api('GET /v2/ticketing/ticket/1/log-entry')[0].query.get('type')).toBe('SAVE');
	});

	it('keeps other attributes when one is changed, and moves a ticket to another organization', async () => {
		f.sim.ticketing.tickets.get(2)!.attributeValues = [{ id: 9, attributeId: 2, value: 'kept' }];
		await f.run({ resource: 'ticket', operation: 'update', ticketId: byId(2), updateFields: { organizationId: '3', attributes: { attribute: [{ attributeId: 1, value: 'Low' }] } } });
		expect(api('PUT /v2/ticketing/ticket/2')[0].body).toMatchObject({ clientId: 3, attributes: [{ attributeId: 2, value: 'kept' }, { attributeId: 1, value: 'Low' }] });
	});

	it('sends the ticket\'s attributes as read when only the priority changes (UpdateTicket is the whole ticket)', async () => {
		f.sim.ticketing.tickets.get(2)!.attributeValues = [
			{ id: 2001, attributeId: 1, value: 'High' },
			{ id: 2002, attributeId: 2, value: 'abc-uid' },
		];
		const run = await f.run({ resource: 'ticket', operation: 'update', ticketId: byId(2), updateFields: { priority: 'LOW' } });
		expect(run.error).toBeUndefined();
		expect(api('PUT /v2/ticketing/ticket/2')[0].body).toMatchObject({
			priority: 'LOW',
			attributes: [
				{ attributeId: 1, value: 'High' },
				{ attributeId: 2, value: 'abc-uid' },
			],
		});
		expect(f.sim.ticketing.tickets.get(2)!.attributeValues).toMatchObject([
			{ attributeId: 1, value: 'High' },
			{ attributeId: 2, value: 'abc-uid' },
		]);
	});

	it('catches an update without fields, and an unknown status, before anything is written', async () => {
		const empty = await f.run({ resource: 'ticket', operation: 'update', ticketId: byId(1), updateFields: {} });
		expect(empty.error?.message).toMatch(/^Update Fields \(item 0\): add at least one field to change/);
		expect(api('')).toHaveLength(0);
		const unknown = await f.run({ resource: 'ticket', operation: 'update', ticketId: byId(1), updateFields: { status: '={{ 42 }}' } });
		expect(unknown.error?.message).toMatch(/^Status \(item 0\): "42" is not a status/);
		expect(api('PUT')).toHaveLength(0);
	});

	it('reports a version conflict in NinjaOne\'s words', async () => {
		f.sim.server.faults = [{ route: 'PUT /v2/ticketing/ticket/1', kind: 'status', status: 409, body: { resultCode: 'TICKET_VERSION_CONFLICT', errorMessage: 'Ticket 1 changed' } }];
		const run = await f.run({ resource: 'ticket', operation: 'update', ticketId: byId(1), updateFields: { priority: 'LOW' } });
		expect(run.error?.message).toMatch(/^NinjaOne 409: Ticket 1 changed \(TICKET_VERSION_CONFLICT\)/);
	});

	it('adds a public comment and a private note with tracked time, and both show in the log entries', async () => {
		const run = await f.run(
			{ resource: 'ticket', operation: 'addComment', ticketId: byId(2), comment: '={{ $json.text }}', public: '={{ $json.public }}', options: { timeTracked: '={{ $json.seconds }}' } },
			[{ text: 'We are on it', public: true, seconds: 0 }, { text: 'Replaced the toner', public: false, seconds: 900 }],
		);
		expect(results(run.json)).toEqual([
			{ ticketId: 2, commentAdded: true, public: true, body: 'We are on it' },
			{ ticketId: 2, commentAdded: true, public: false, body: 'Replaced the toner', timeTracked: 900 },
		]);
		const [first, second] = api('POST /v2/ticketing/ticket/2/comment');
		expect(String(first.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		expect(first.body).toEqual({ comment: { public: true, body: 'We are on it' } });
		expect(second.body).toEqual({ comment: { public: false, body: 'Replaced the toner', timeTracked: 900 } });
		const log = await f.run({ resource: 'ticket', operation: 'getLogEntries', ticketId: byId(2), returnAll: true, filters: { type: 'COMMENT' } });
		expect(results(log.json)).toEqual([
			expect.objectContaining({ type: 'COMMENT', body: 'We are on it', publicEntry: true }),
			expect.objectContaining({ type: 'COMMENT', body: 'Replaced the toner', publicEntry: false, timeTracked: 900 }),
		]);
	});

	it('sends an HTML comment as htmlBody, and catches an empty comment or negative time before any request', async () => {
		await f.run({ resource: 'ticket', operation: 'addComment', ticketId: byId(2), comment: '<b>Done</b>', public: true, options: { isHtml: true, duplicateInIncidents: true } });
		expect(api('POST /v2/ticketing/ticket/2/comment')[0].body).toEqual({ comment: { public: true, htmlBody: '<b>Done</b>', duplicateInIncidents: true } });
		f.sim.server.reset();
		const empty = await f.run({ resource: 'ticket', operation: 'addComment', ticketId: byId(2), comment: '  ', public: true });
		expect(empty.error?.message).toMatch(/^Comment \(item 0\): is required/);
		const negative = await f.run({ resource: 'ticket', operation: 'addComment', ticketId: byId(2), comment: 'x', public: true, options: { timeTracked: -5 } });
		expect(negative.error?.message).toMatch(/^Time Tracked \(Seconds\) \(item 0\): must be at least 0/);
		expect(api('')).toHaveLength(0);
	});

	it('pages log entries by anchorId until a short page, and stops at the limit', async () => {
		for (let i = 0; i < 1100; i++) f.sim.ticketing.logEntries.get(4)!.push({ id: 10_000 + i, type: 'COMMENT', body: `c${i}`, publicEntry: true });
		const all = await f.run({ resource: 'ticket', operation: 'getLogEntries', ticketId: byId(4), returnAll: true, filters: {} });
		expect(all.json).toHaveLength(1101);
		const requests = api('GET /v2/ticketing/ticket/4/log-entry');
		// 1,101 entries: two full pages, then a short one that ends the list (no request for an empty page).
		expect(requests.map((r) => r.query.get('anchorId'))).toEqual([null, '10498', '10998']);
		expect(requests.map((r) => r.query.get('pageSize'))).toEqual(['500', '500', '500']);
		f.sim.server.reset();
		const some = await f.run({ resource: 'ticket', operation: 'getLogEntries', ticketId: byId(4), returnAll: false, limit: 3, filters: {} });
		expect(some.json).toHaveLength(3);
		expect(api('GET /v2/ticketing/ticket/4/log-entry').map((r) => r.query.get('pageSize'))).toEqual(['3']);
	});
});

describe('Ticket > Get Many (the tickets of a board)', () => {
	const boardRun = (boardId: number) => api(`POST /v2/ticketing/trigger/board/${boardId}/run`);

	it('lists the tickets of two boards, each its own', async () => {
		const alerts = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(2), returnAll: true, filters: {}, options: {} });
		expect(results(alerts.json).map((t) => t.id)).toEqual([1, 3, 5]);
		const desk = await f.run({ resource: 'ticket', operation: 'getMany', boardId: { __rl: true, mode: 'list', value: '3' }, returnAll: true, filters: {}, options: {} });
		expect(results(desk.json).map((t) => t.id)).toEqual([2, 4, 6]);
		expect(boardRun(2)[0].body).toEqual({ pageSize: 100 });
	});

	it('pages with lastCursorId until a short page, each page a request, and stops at the limit', async () => {
		const all = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: true, filters: {}, options: { pageSize: 4 } });
		expect(results(all.json).map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
		const [, next] = boardRun(1).map((r) => r.body as { lastCursorId?: number });
		expect(boardRun(1).map((r) => r.body)).toEqual([{ pageSize: 4 }, { pageSize: 4, lastCursorId: next.lastCursorId }]);
		f.sim.server.reset();
		const some = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: false, limit: 5, filters: {}, options: { pageSize: 4 } });
		expect(some.json).toHaveLength(5);
		expect(boardRun(1).map((r) => r.body)).toEqual([{ pageSize: 4 }, { pageSize: 1, lastCursorId: next.lastCursorId }]);
	});

	it('takes the board\'s cursor as opaque: one that falls is followed, and a page whose cursor repeats is the last', async () => {
		f.sim.ticketing.seed(30);
		const all = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: true, filters: {}, options: { pageSize: 10 } });
		expect(results(all.json).map((t) => t.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		const cursors = boardRun(1).map((r) => (r.body as { lastCursorId?: number }).lastCursorId);
		// The simulator's cursors fall as the position grows; the fourth page is empty and repeats the cursor.
		expect(cursors).toEqual([undefined, expect.any(Number), expect.any(Number), expect.any(Number)]);
		expect(cursors[2]!).toBeLessThan(cursors[1]!);
	});

	it('returns 50 tickets when Limit is empty, as every list does', async () => {
		f.sim.ticketing.seed(120);
		const run = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: false, limit: '', filters: {}, options: {} });
		expect(run.json).toHaveLength(50);
		expect(boardRun(1).map((r) => r.body)).toEqual([{ pageSize: 50 }]);
	});

	it('sends search, sort, conditions and columns as NinjaOne takes them', async () => {
		const run = await f.run({
			resource: 'ticket',
			operation: 'getMany',
			boardId: byId(1),
			returnAll: true,
			filters: { searchCriteria: 'disk', sortBy: 'createTime', sortDirection: 'DESC', conditions: '[{"field": "clientId", "operator": "eq", "value": 3}]' },
			options: { includeColumns: 'subject, requester' },
		});
		expect(results(run.json).map((t) => t.id)).toEqual([3]);
		expect(boardRun(1)[0].body).toEqual({
			pageSize: 100,
			searchCriteria: 'disk',
			sortBy: [{ field: 'createTime', direction: 'DESC' }],
			filters: [{ field: 'clientId', operator: 'eq', value: '3' }],
			includeColumns: ['subject', 'requester'],
		});
	});

	it('stops at a cursor it has already sent instead of repeating pages', async () => {
		f.sim.server.faults = [{ route: 'POST /v2/ticketing/trigger/board/1/run', kind: 'status', status: 200, body: { data: [{ id: 1 }, { id: 2 }], metadata: { lastCursorId: 777 } } }];
		const run = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: true, filters: {}, options: { pageSize: 2 } });
		expect(run.error).toBeUndefined();
		expect(boardRun(1).map((r) => r.body)).toEqual([{ pageSize: 2 }, { pageSize: 2, lastCursorId: 777 }]);
	});

	it.each([
		['invalid JSON conditions', { conditions: '[{"field": ' }, /^Conditions \(item 0\): is not valid JSON/],
		['a condition without operator', { conditions: '[{"field": "status"}]' }, /^Conditions \(item 0\): entry 0 must be/],
		['a search over 512 characters', { searchCriteria: 'x'.repeat(513) }, /^Search \(item 0\): is 513 characters long/],
	])('catches %s before any request', async (_name, filters, message) => {
		const run = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: true, filters, options: {} });
		expect(run.error?.message).toMatch(message);
		expect(api('')).toHaveLength(0);
	});

	it('catches a board that is no number before any request', async () => {
		await expect(f.run({ resource: 'ticket', operation: 'getMany', boardId: byId('alerts'), returnAll: true, filters: {}, options: {} })).rejects.toThrow(/A board ID is a number/);
		const run = await f.run({ resource: 'ticket', operation: 'getMany', boardId: byId('={{ "alerts" }}'), returnAll: true, filters: {}, options: {} });
		expect(run.error?.message).toMatch(/^Board \(item 0\): must be a positive whole number, got "alerts"/);
		expect(api('')).toHaveLength(0);
	});
});

describe('Ticket pickers and tenant lists in the editor', () => {
	it('lists boards and filters them by what the user types', async () => {
		const { search } = editor({ resource: 'ticket', operation: 'getMany' }, 'parameters.boardId');
		expect((await search('searchTicketBoards')).results).toEqual([
			{ name: 'Alerts', value: '2' },
			{ name: 'All Tickets', value: '1' },
			{ name: 'Service Desk', value: '3' },
		]);
		expect((await search('searchTicketBoards', 'desk')).results).toEqual([{ name: 'Service Desk', value: '3' }]);
		expect((await search('searchTicketBoards', '2')).results.map((r) => r.value)).toEqual(['2']);
	});

	it('pages tickets with a next-page token that advances, and searches by subject', async () => {
		f.sim.ticketing.seed(120);
		const { search } = editor({ resource: 'ticket', operation: 'get' });
		const first = await search('searchTickets');
		expect(first.results).toHaveLength(50);
		expect(first.results[0]).toEqual({ name: '#1 Disk almost full on host-0001', value: '1' });
		const second = await search('searchTickets', undefined, first.paginationToken as string);
		expect(second.results[0].value).toBe('51');
		const third = await search('searchTickets', undefined, second.paginationToken as string);
		expect(third.results).toHaveLength(20);
		// NinjaOne's cursor is opaque: the list ends where a page is empty or its cursor repeats.
		const fourth = await search('searchTickets', undefined, third.paginationToken as string);
		expect(fourth.results).toEqual([]);
		expect(fourth.paginationToken).toBeUndefined();
		// "All Tickets" is found once per list, then its pages are runs of that board.
		const runs = api('POST /v2/ticketing/trigger/board/1/run').map((r) => r.body);
		const tokens = [first, second, third].map((page) => Number(page.paginationToken));
		expect(runs).toEqual([{ pageSize: 50 }, ...tokens.map((lastCursorId) => ({ pageSize: 50, lastCursorId }))]);
		const found = await search('searchTickets', 'printer question 7');
		expect(found.results.map((r) => r.value)).toEqual(['70', '72', '74', '76', '78']);
		expect(api('POST /v2/ticketing/trigger/board/1/run').pop()!.body).toEqual({ pageSize: 50, searchCriteria: 'printer question 7' });
	});

	it('lists the tickets of the chosen board when the node has one', async () => {
		const { search } = editor({ resource: 'ticket', operation: 'getMany', boardId: { __rl: true, mode: 'list', value: '3' } });
		expect((await search('searchTickets')).results.map((r) => r.value)).toEqual(['2', '4', '6']);
		expect(api('GET /v2/ticketing/trigger/boards')).toHaveLength(0);
	});

	it('loads statuses, active forms, active attributes, requesters and technicians from the tenant', async () => {
		const { load } = editor({ resource: 'ticket', operation: 'create' }, 'parameters.status');
		expect((await load('getTicketStatuses')).slice(0, 2)).toEqual([{ name: 'New', value: '1000' }, { name: 'Open', value: '2000' }]);
		expect(await load('getTicketForms')).toEqual([
			{ name: 'Default', value: 1, description: 'General requests' },
			{ name: 'Monitoring Alert', value: 2, description: 'Tickets opened from alerts' },
		]);
		expect((await load('getTicketAttributes')).map((a) => a.name)).toEqual(['Alert UID', 'Impact']);
		expect((await load('getTicketRequesters')).map((p) => p.name)).toEqual([
			'Carl Contact <carl@example.test> (Contact)',
			'Cora Client <cora@example.test> (Contact)',
			'Erin Enduser <erin@example.test> (End User)',
			'Tess Tech <tess@example.test> (Technician)',
			'Tom Tinker <tom@example.test> (Technician)',
		]);
		expect(await load('getTechnicians')).toEqual([{ name: 'Tess Tech <tess@example.test>', value: 100 }, { name: 'Tom Tinker <tom@example.test>', value: 101 }]);
		// Each list fits in one page and is asked once more (a server may cap its pages), which comes back empty.
		expect(api('GET /v2/ticketing/app-user-contact').map((r) => r.query.get('userType'))).toEqual([null, null, 'TECHNICIAN', 'TECHNICIAN']);
	});

	it('pages requesters by anchorNaturalId', async () => {
		for (let i = 0; i < 450; i++) {
			f.sim.ticketing.users.push({ id: 1000 + i, uid: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, naturalId: String(1000 + i), userType: 'END_USER', firstName: 'User', lastName: String(i), clientId: 1 });
		}
		const { load } = editor({ resource: 'ticket', operation: 'create' }, 'parameters.additionalFields.requesterUid');
		expect(await load('getTicketRequesters')).toHaveLength(455);
		expect(api('GET /v2/ticketing/app-user-contact').map((r) => r.query.get('anchorNaturalId'))).toEqual([null, '1194', '1394']);
	});
});

describe('the alerts-to-tickets example', () => {
	const example = JSON.parse(readFileSync(join(__dirname, '../../examples/ninjaone-alerts-to-tickets.json'), 'utf8'));
	const node = (name: string) => example.nodes.find((n: IDataObject) => n.name === name).parameters as INodeParameters;

	it('opens a valid ticket on each sandbox alert\'s organization and device, named so that the board shows it has one', async () => {
		f.sim.seed(NINJAONE_SEED);
		const alerts = await f.run(node('Active alerts'));
		const items = alerts.json;
		expect(items.length).toBeGreaterThan(10);
		const opened = await f.run({ ...node('Open ticket'), requestInterval: 0 }, items);
		const tickets = results(opened.json);
		expect(tickets).toHaveLength(items.length);
		for (const [i, item] of items.entries()) {
			const alert = item.result as IDataObject;
			expect(tickets[i]).toMatchObject({ nodeId: alert.deviceId, clientId: (alert.device as IDataObject).organizationId, type: 'INCIDENT' });
			expect(String(tickets[i].subject).endsWith(`[alert ${alert.uid}]`)).toBe(true);
		}
		const board = await f.run(node('Tickets on the Alerts board'));
		const subjects = results(board.json).map((t) => String(t.subject));
		expect(items.every((item) => subjects.some((subject) => subject.includes(`[alert ${(item.result as IDataObject).uid}]`)))).toBe(true);
	});
});
