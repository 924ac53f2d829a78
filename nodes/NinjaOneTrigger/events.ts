import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type ActivitySelection, eventOptions, eventResult, needsDevice, selectActivities } from '../NinjaOne/actions/activity/activities';
import type { NinjaOneClient } from '../NinjaOne/transport';
import { successItems, Rows } from '../shared/envelope';

/* What both NinjaOne triggers share: the choice of events, and the items they emit. */

export type TriggerContext = IPollFunctions | IHookFunctions | IWebhookFunctions;

export const eventProperties: INodeProperties[] = [
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
		options: eventOptions,
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
];

function splitList(value: unknown): string[] {
	return String(value ?? '')
		.split(/[,\n]/)
		.map((part) => part.trim().toUpperCase())
		.filter((part) => part !== '');
}

/** The events the node's parameters choose. */
export function readSelection(ctx: TriggerContext): ActivitySelection {
	if (ctx.getNodeParameter('eventSource', 'events') === 'raw') {
		return selectActivities([], splitList(ctx.getNodeParameter('activityTypes', '')), splitList(ctx.getNodeParameter('statusCodes', '')));
	}
	const events = ctx.getNodeParameter('events', []) as string[];
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Events: choose at least one event');
	}
	return selectActivities(events);
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
	const answer = await client.callFull(ctx, 'GET', `/v2/device/${id}`).catch((error: unknown) => {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		throw error;
	});
	const body = answer?.body;
	return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as JsonObject) : undefined;
}

/** The package's envelope per event, as a trigger emits it (no input item to pair with). */
export function emitted(results: JsonObject[]) {
	return successItems(new Rows(results), 0).map(({ json }) => ({ json: json as IDataObject }));
}
