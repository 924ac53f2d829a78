import type {
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type ActivitySelection, eventOptions, eventResult, needsDevice, selectActivities } from '../NinjaOne/actions/activity/activities';
import type { NinjaOneClient } from '../NinjaOne/transport';
import { appendSuccessItems, isJsonObject, Rows } from '../shared/envelope';

/* What both NinjaOne triggers share: the choice of events, and the items they emit. */

export type TriggerContext = IPollFunctions | IHookFunctions | IWebhookFunctions;

/** The polling trigger's own event: tickets of a board, read by their update time (no activity says so). */
export const TICKET_UPDATED = 'ticketUpdated';

const ticketUpdatedOption: INodePropertyOptions = {
	name: 'Ticket Created or Updated (Board)',
	value: TICKET_UPDATED,
	description: 'A ticket of the chosen board was created or changed (polling only)',
};

/** The event parameters; the polling trigger adds board tickets. */
export function eventProperties(withBoard: boolean): INodeProperties[] {
	const options = withBoard
		? [...eventOptions, ticketUpdatedOption].sort((a, b) => a.name.localeCompare(b.name))
		: eventOptions;
	return [
	{
		displayName: 'Choose Events By',
		name: 'eventSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Common Events',
				value: 'events',
				description: 'Alerts, devices going offline or online, scripts, patches, tickets',
			},
			{
				name: 'Activity Types and Status Codes',
				value: 'raw',
				description: "NinjaOne's own activity types and status codes (advanced)",
			},
		],
		default: 'events',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options,
		default: ['alertTriggered'],
		required: true,
		displayOptions: { show: { eventSource: ['events'] } },
		description: 'What starts the workflow; each maps to NinjaOne activity types and status codes',
	},
	{
		displayName: 'Activity Types',
		name: 'activityTypes',
		type: 'string',
		default: '',
		placeholder: 'CONDITION, ACTION',
		displayOptions: { show: { eventSource: ['raw'] } },
		description: 'NinjaOne activity types, separated by commas; empty for every type',
	},
	{
		displayName: 'Status Codes',
		name: 'statusCodes',
		type: 'string',
		default: '',
		placeholder: 'TRIGGERED, RESET',
		displayOptions: { show: { eventSource: ['raw'] } },
		description: 'NinjaOne activity status codes, separated by commas; empty for every status',
	},
	...(withBoard
		? [
				{
					displayName: 'Board ID',
					name: 'boardId',
					type: 'number',
					default: 0,
					required: true,
					displayOptions: { show: { eventSource: ['events'], events: [TICKET_UPDATED] } },
					description: 'The ticketing board whose tickets are watched (Ticketing > Boards in NinjaOne; the ID is in its URL)',
				} as INodeProperties,
			]
		: []),
	];
}

function splitList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[,\n]/)
		.map((part) => part.trim().toUpperCase())
		.filter((part) => part !== '');
}

function chosenEvents(ctx: TriggerContext): string[] {
	const events = ctx.getNodeParameter('events', []) as string[];
	if (events.length === 0) throw new NodeOperationError(ctx.getNode(), 'Events: choose at least one event');
	return events;
}

/** The activities the node's parameters choose; undefined when only board tickets are watched. */
export function readSelection(ctx: TriggerContext): ActivitySelection | undefined {
	if (ctx.getNodeParameter('eventSource', 'events') === 'raw') {
		return selectActivities([], splitList(ctx.getNodeParameter('activityTypes', '')), splitList(ctx.getNodeParameter('statusCodes', '')));
	}
	const events = chosenEvents(ctx).filter((event) => event !== TICKET_UPDATED);
	return events.length > 0 ? selectActivities(events) : undefined;
}

/** The board whose updated tickets are watched, when that event is chosen. */
export function readBoardId(ctx: IPollFunctions): number | undefined {
	if (ctx.getNodeParameter('eventSource', 'events') === 'raw' || !chosenEvents(ctx).includes(TICKET_UPDATED)) return undefined;
	const boardId = Number(ctx.getNodeParameter('boardId', 0));
	if (!Number.isInteger(boardId) || boardId < 1) {
		throw new NodeOperationError(ctx.getNode(), `Board ID: must be a board's ID (a positive whole number), got ${JSON.stringify(ctx.getNodeParameter('boardId', 0))}`);
	}
	return boardId;
}

/**
 * One envelope item per event, in the given order: alerts carry the triage fields, with the device
 * looked up once per device where NinjaOne did not expand it (a device deleted since is left out).
 */
export async function eventItems(ctx: IPollFunctions, client: NinjaOneClient, activities: JsonObject[]) {
	const devices = new Map<number, JsonObject | undefined>();
	const results: JsonObject[] = [];
	for (const activity of activities) {
		let device: JsonObject | undefined;
		if (needsDevice(activity)) {
			const id = activity.deviceId as number;
			if (!devices.has(id)) devices.set(id, await lookUpDevice(ctx, client, id));
			device = devices.get(id);
		}
		results.push(eventResult(activity, device));
	}
	return emitted(results);
}

async function lookUpDevice(ctx: IPollFunctions, client: NinjaOneClient, id: number): Promise<JsonObject | undefined> {
	const outcome: unknown = await client.call(ctx, 'GET', `/v2/device/${id}`).then(
		(body) => body,
		(error: unknown) => (error instanceof Error ? error : new Error(String(error))),
	);
	// A device deleted since its alert: the event still goes out, without the device's name.
	if (outcome instanceof NodeApiError && outcome.httpCode === '404') return undefined;
	if (outcome instanceof NodeApiError || outcome instanceof NodeOperationError) throw outcome;
	if (outcome instanceof Error) throw new NodeOperationError(ctx.getNode(), outcome.message);
	return isJsonObject(outcome) ? outcome : undefined;
}

/** The package's envelope per event, as a trigger emits it (no input item to pair with). */
export function emitted(results: JsonObject[]) {
	const items: INodeExecutionData[] = [];
	appendSuccessItems(items, new Rows(results), 0);
	return items.map(({ json }) => ({ json }));
}
