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
/** Activities per request while catching up; NinjaOne's largest page. */
const POLL_PAGE_SIZE = 1000;
/** How far back "Fetch Test Event" looks for a matching activity, in pages of 100. */
const TEST_EVENT_PAGES = 5;

/** What the trigger keeps between polls, in the workflow's static data. */
interface PollState {
	/** The newest activity ID already looked at: every later poll reads above it. */
	lastActivityId?: number;
	/** The board's update watermark, for "Ticket Created or Updated (Board)". */
	tickets?: TicketCursor & { boardId: number };
}

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
		const items: INodeExecutionData[] = [];
		let lastActivityId = state.lastActivityId;
		let tickets = state.tickets;

		if (selection && typeof lastActivityId !== 'number') {
			// First poll after activation: start from now, without a flood of history.
			const latest = await readActivities(this, client, ACTIVITIES, {}, { pageSize: 10, limit: 1 });
			lastActivityId = Math.max(latest.lastActivityId ?? 0, ...latest.activities.map((a) => a.id as number));
		} else if (selection && lastActivityId !== undefined) {
			const cursor = lastActivityId;
			const read = await readActivities(this, client, ACTIVITIES, query, { newerThan: cursor, pageSize: POLL_PAGE_SIZE });
			lastActivityId = Math.max(cursor, read.lastActivityId ?? 0, ...read.activities.map((a) => a.id as number));
			const events = read.activities.filter(selection.matches).sort((a, b) => (a.id as number) - (b.id as number));
			if (events.length > 0) items.push(...(await eventItems(this, client, events)));
		}

		if (boardId !== undefined) {
			if (tickets?.boardId !== boardId) {
				tickets = { boardId, ...(await ticketCursorNow(this, client, boardId)) };
			} else {
				const updated = await updatedTickets(this, client, boardId, tickets);
				tickets = { boardId, ...updated.cursor };
				items.push(...emitted(updated.tickets));
			}
		}

		// Only now, with every event read and ready to be emitted, do the cursors move.
		state.lastActivityId = lastActivityId;
		state.tickets = tickets;
		return items.length > 0 ? [items] : null;
	}
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
		items.push(...(await eventItems(ctx, client, activities)));
	}
	if (boardId !== undefined) {
		const ticket: JsonObject | undefined = await latestTicket(ctx, client, boardId);
		if (ticket) items.push(...emitted([ticket]));
	}
	if (items.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'No recent NinjaOne activity matches the chosen events', {
			description: `Looked at the latest ${TEST_EVENT_PAGES * 100} activities${boardId !== undefined ? ' and the board' : ''}. Make one happen in NinjaOne, or choose other events.`,
		});
	}
	return [items];
}
