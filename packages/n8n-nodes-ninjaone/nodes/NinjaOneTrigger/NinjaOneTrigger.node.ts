import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { type ActivitySelection, readActivities } from '../NinjaOne/actions/activity/activities';
import { activityClassFilter } from '../NinjaOne/actions/activity/fields';
import { CREDENTIAL_TYPE, type NinjaOneClient, ninjaOneClient } from '../NinjaOne/transport';
import { collection, requestIntervalProperty, requestTimeoutProperty } from '../shared/descriptions';
import { DEFAULT_INTERVAL } from '../shared/router';
import { RequestClock } from '../shared/throttle';
import { emitted, eventItems, eventProperties, readBoardId, readSelection } from './events';
import { latestTicket, type TicketCursor, ticketCursorNow, updatedTickets } from './tickets';

const ACTIVITIES = '/v2/activities';
/** Activities per request; NinjaOne's largest page. */
const POLL_PAGE_SIZE = 1000;
/** Activity events one poll emits at most (tickets likewise): a larger backlog follows in the next polls. */
export const MAX_EVENTS_PER_POLL = 1000;
/** Requests one poll spends walking a backlog at most; the next poll goes on from where it stopped. */
const MAX_BACKLOG_READS = 50;
/** How far back "Fetch Test Event" looks for a matching activity, in pages of 100. */
const TEST_EVENT_PAGES = 5;

/** What the trigger keeps between polls, in the workflow's static data. */
interface PollState {
	/** The newest activity ID already looked at: every later poll reads above it. */
	lastActivityId?: number;
	/** The board's update watermark, for "Ticket Created or Updated (Board)". */
	tickets?: TicketCursor & { boardId: number };
}

/**
 * The poll contexts that have polled. n8n creates one context per activation and polls through it
 * on every tick, and its activation mode ("activate", or "init", "update", "leadershipChange" for a
 * start, a workflow update or a new leader) stays the same for all of them: the first poll through
 * a context is the activation's own.
 */
const activationsSeen = new WeakSet<object>();

/**
 * The static data of the polls running now. n8n starts a poll on every tick without waiting for the
 * previous one; polls of one activation share the node's static data object, so a poll that finds
 * its static data here leaves the cursors to the running poll and emits nothing. The lease lives in
 * memory, not in the saved static data, so that a crash cannot leave it behind.
 */
const pollsRunning = new WeakSet<object>();

export class NinjaOneTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NinjaOne Trigger',
		name: 'ninjaOneTrigger',
		icon: { light: 'file:ninjaone.svg', dark: 'file:ninjaone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["eventSource"] === "raw" ? "activity types" : $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when NinjaOne records an alert, a device going offline or online, a script result, a failed patch or a new or updated ticket (polling)',
		defaults: { name: 'NinjaOne Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			...eventProperties(true),
			collection('filters', [
				activityClassFilter,
				{
					displayName: 'Device Filter',
					name: 'df',
					type: 'string',
					default: '',
					placeholder: 'org = 12',
					description: 'Only activities of devices matching this NinjaOne device filter, e.g. "org = 12"',
				},
				{
					displayName: 'User',
					name: 'user',
					type: 'string',
					default: '',
					description: 'Only activities of this user',
				},
			]),
			requestIntervalProperty,
			requestTimeoutProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const selection = readSelection(this);
		const boardId = readBoardId(this);
		const query = selection ? activityQuery(this, selection) : {};
		const clock = new RequestClock(Number(this.getNodeParameter('requestInterval', DEFAULT_INTERVAL)));
		clock.timeout = Number(this.getNodeParameter('requestTimeout', 60)) * 1000;
		const client = ninjaOneClient(clock);

		if (this.getMode() === 'manual') return await testEvent(this, client, query, selection, boardId);

		const state = this.getWorkflowStaticData('node') as PollState;
		if (pollsRunning.has(state)) return null;
		pollsRunning.add(state);
		try {
			// A new activation (publishing the workflow) starts from now; a restart, an update of the
			// published workflow or a change of leader goes on from the saved cursors.
			const firstOfActivation = !activationsSeen.has(this);
			activationsSeen.add(this);
			if (firstOfActivation && this.getActivationMode() === 'activate') {
				delete state.lastActivityId;
				delete state.tickets;
			}
			return await pollOnce(this, client, state, query, selection, boardId);
		} finally {
			pollsRunning.delete(state);
		}
	}
}

async function pollOnce(
	ctx: IPollFunctions,
	client: NinjaOneClient,
	state: PollState,
	query: IDataObject,
	selection: ActivitySelection | undefined,
	boardId: number | undefined,
): Promise<INodeExecutionData[][] | null> {
	const items: INodeExecutionData[] = [];
	let lastActivityId = state.lastActivityId;
	let tickets = state.tickets;

	if (selection && typeof lastActivityId !== 'number') {
		// No cursor yet: start from now, without a flood of history.
		const latest = await readActivities(ctx, client, ACTIVITIES, {}, { pageSize: 10, limit: 1 });
		lastActivityId = Math.max(latest.lastActivityId ?? 0, newestId(latest.activities, 0));
	} else if (selection && lastActivityId !== undefined) {
		const read = await activitiesSince(ctx, client, query, selection, lastActivityId);
		lastActivityId = read.cursor;
		if (read.events.length > 0) for (const item of await eventItems(ctx, client, read.events)) items.push(item);
	}

	if (boardId !== undefined) {
		if (tickets?.boardId !== boardId) {
			tickets = { boardId, ...(await ticketCursorNow(ctx, client, boardId)) };
		} else {
			const updated = await updatedTickets(ctx, client, boardId, tickets, MAX_EVENTS_PER_POLL);
			tickets = { boardId, ...updated.cursor };
			for (const item of emitted(updated.tickets)) items.push(item);
		}
	}

	// Only now, with every event read and ready to be emitted, do the cursors move.
	state.lastActivityId = lastActivityId;
	state.tickets = tickets;
	return items.length > 0 ? [items] : null;
}

function newestId(activities: JsonObject[], floor: number): number {
	let newest = floor;
	for (const activity of activities) newest = Math.max(newest, activity.id as number);
	return newest;
}

const byId = (a: JsonObject, b: JsonObject) => (a.id as number) - (b.id as number);

/**
 * The matching activities above `cursor`, oldest first, at most MAX_EVENTS_PER_POLL of them, and the
 * cursor after them. Usually one request: everything since the last poll fits in one page. A larger
 * backlog (NinjaOne lists newest first) is walked upwards from the cursor in windows of IDs, each
 * read in one request: a window holds at most as many activities as it spans IDs, so one no wider
 * than a page is always whole; a window that comes back sparse doubles the next one, a full one is
 * halved and read again. The walk stops at the bound, and the cursor stops at the last event
 * emitted (or the top of the last window read): the rest follow in the next polls.
 */
async function activitiesSince(
	ctx: IPollFunctions,
	client: NinjaOneClient,
	query: IDataObject,
	selection: ActivitySelection,
	cursor: number,
): Promise<{ events: JsonObject[]; cursor: number }> {
	const readWindow = async (newerThan: number, olderThan?: number) =>
		await readActivities(ctx, client, ACTIVITIES, query, { newerThan, olderThan, pageSize: POLL_PAGE_SIZE, maxPages: 1 });
	const first = await readWindow(cursor);
	const top = Math.max(cursor, first.lastActivityId ?? 0, newestId(first.activities, 0));
	if (first.activities.length < POLL_PAGE_SIZE) {
		const events = first.activities.filter(selection.matches).sort(byId);
		if (events.length <= MAX_EVENTS_PER_POLL) return { events, cursor: top };
		events.length = MAX_EVENTS_PER_POLL;
		return { events, cursor: events[events.length - 1].id as number };
	}
	const events: JsonObject[] = [];
	let low = cursor;
	let span = POLL_PAGE_SIZE;
	for (let reads = 0; low < top && events.length < MAX_EVENTS_PER_POLL && reads < MAX_BACKLOG_READS; reads++) {
		const high = Math.min(low + span, top);
		const read = await readWindow(low, high + 1);
		if (read.activities.length >= POLL_PAGE_SIZE && high - low > POLL_PAGE_SIZE) {
			span = Math.max(POLL_PAGE_SIZE, Math.floor(span / 2));
			continue;
		}
		const matched = read.activities.filter(selection.matches).sort(byId);
		const room = MAX_EVENTS_PER_POLL - events.length;
		if (matched.length > room) {
			for (const activity of matched.slice(0, room)) events.push(activity);
			return { events, cursor: events[events.length - 1].id as number };
		}
		for (const activity of matched) events.push(activity);
		low = high;
		if (read.activities.length < POLL_PAGE_SIZE / 2) span *= 2;
	}
	return { events, cursor: low };
}

function activityQuery(ctx: IPollFunctions, selection: ActivitySelection): IDataObject {
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const query: IDataObject = { ...selection.query };
	for (const key of ['df', 'user']) {
		const value = String(filters[key] ?? '').trim();
		if (value !== '') query[key] = value;
	}
	if (typeof filters.class === 'string' && filters.class !== 'ALL') query.class = filters.class;
	return query;
}

/** "Fetch Test Event": the latest matching activity and the latest board ticket; the cursors stay. */
async function testEvent(
	ctx: IPollFunctions,
	client: NinjaOneClient,
	query: IDataObject,
	selection: ActivitySelection | undefined,
	boardId: number | undefined,
): Promise<INodeExecutionData[][]> {
	const items: INodeExecutionData[] = [];
	if (selection) {
		const { activities } = await readActivities(ctx, client, ACTIVITIES, query, {
			limit: 1,
			keep: selection.matches,
			pageSize: 100,
			maxPages: TEST_EVENT_PAGES,
		});
		for (const item of await eventItems(ctx, client, activities)) items.push(item);
	}
	if (boardId !== undefined) {
		const ticket: JsonObject | undefined = await latestTicket(ctx, client, boardId);
		if (ticket) for (const item of emitted([ticket])) items.push(item);
	}
	if (items.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No recent NinjaOne activity matches the chosen events', {
			description: `Looked at the latest ${TEST_EVENT_PAGES * 100} activities${boardId !== undefined ? ' and the board' : ''}. Make one happen in NinjaOne, or choose other events.`,
		});
	}
	return [items];
}
