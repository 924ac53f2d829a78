import type { IDataObject, INodePropertyOptions, JsonObject } from 'n8n-workflow';

import { isJsonObject } from '../../../shared/envelope';
import { isLastPage } from '../../../shared/pagination';
import type { RequestContext } from '../../../shared/request';
import type { NinjaOneClient } from '../../transport';

/* NinjaOne's activity log, read the one way the Activity and Device operations and the NinjaOne
   Trigger share: newest first, paged backwards with `olderThan`, bounded below by `newerThan`.

   The spec's texts for the two parameters are swapped against their names; this package takes the
   names as meant: `newerThan=N` returns activities with an ID above N, `olderThan=N` those below N
   (see the README, "newerThan and olderThan"). */

/** NinjaOne's page size bounds for activity lists. */
export const ACTIVITY_PAGE_SIZE = { min: 10, max: 1000, default: 200 };

export interface ActivityWindow {
	/** Only activities with an ID above this one. */
	newerThan?: number;
	/** Only activities with an ID below this one (the first page's upper bound). */
	olderThan?: number;
	pageSize?: number;
	/** Stop after this many activities; all when undefined. */
	limit?: number;
	/** Kept or dropped by the caller beyond what the API can filter. */
	keep?: (activity: JsonObject) => boolean;
	/** Stop after this many pages even when more could follow (a search for the latest match). */
	maxPages?: number;
}

export interface ActivityRead {
	/** Newest first, as NinjaOne lists them. */
	activities: JsonObject[];
	/** The account's newest activity ID when the read began (NinjaOne's `lastActivityId`). */
	lastActivityId?: number;
}

/**
 * Reads `path` (an activity list) page by page under the client's throttle: the first page is the
 * newest, each next page asks for IDs below the oldest one seen, until an empty page or one shorter
 * than the largest so far (a server may cap pages below the asked size), the
 * `newerThan` bound, or the limit. A page that does not move backwards is an error, never a loop.
 */
export async function readActivities(
	ctx: RequestContext,
	client: NinjaOneClient,
	path: string,
	query: IDataObject,
	window: ActivityWindow = {},
): Promise<ActivityRead> {
	const pageSize = window.pageSize ?? ACTIVITY_PAGE_SIZE.default;
	const floor = window.newerThan;
	const kept: JsonObject[] = [];
	let lastActivityId: number | undefined;
	let below = window.olderThan;
	let largest = 0;
	for (let pages = 1; ; pages++) {
		const qs: IDataObject = { ...query, pageSize };
		if (floor !== undefined) qs.newerThan = floor;
		if (below !== undefined) qs.olderThan = below;
		const answer = await client.call(ctx, 'GET', path, { qs });
		const page = activitiesOf(answer, path);
		if (lastActivityId === undefined && isJsonObject(answer) && typeof answer.lastActivityId === 'number') {
			lastActivityId = answer.lastActivityId;
		}
		let oldest: number | undefined;
		let reachedFloor = false;
		for (const activity of page) {
			const id = activity.id as number;
			oldest = oldest === undefined ? id : Math.min(oldest, id);
			if (floor !== undefined && id <= floor) {
				reachedFloor = true;
				continue;
			}
			if (below !== undefined && id >= below) continue;
			if (window.keep && !window.keep(activity)) continue;
			kept.push(activity);
			if (window.limit !== undefined && kept.length >= window.limit) return { activities: kept, lastActivityId };
		}
		// A page shorter than asked may be the server's cap: only one shorter than the largest so far ends the log.
		const last = isLastPage(page.length, largest);
		largest = Math.max(largest, page.length);
		if (last || reachedFloor || oldest === undefined) break;
		if (window.maxPages !== undefined && pages >= window.maxPages) break;
		if (below !== undefined && oldest >= below) {
			throw new Error(
				`NinjaOne's activity list did not move back (olderThan=${below}, oldest ID on the page=${oldest}); stopped after ${kept.length} activities instead of repeating pages`,
			);
		}
		below = oldest;
	}
	return { activities: kept, lastActivityId };
}

function activitiesOf(answer: unknown, path: string): JsonObject[] {
	const list = isJsonObject(answer) ? answer.activities : undefined;
	if (!Array.isArray(list)) throw new Error(`NinjaOne answered ${path} without an activity list`);
	return list.filter((row): row is JsonObject => isJsonObject(row) && typeof row.id === 'number');
}

/* ---- Event choices: what users mean, in NinjaOne's activity types and status codes ---- */

export interface EventChoice {
	name: string;
	description: string;
	/** NinjaOne's activity type. */
	type: string;
	/** Its status codes that count. */
	statuses: string[];
	/** What the activity type and status cannot tell apart; the node checks it. */
	also?: (activity: JsonObject) => boolean;
}

/** The built-in "agent offline" condition: NinjaOne names it in the activity's source or message code. */
function isAgentOffline(activity: JsonObject): boolean {
	const data = isJsonObject(activity.data) ? activity.data : {};
	const message = isJsonObject(data.message) ? data.message : {};
	return /^agent[ _]offline$/i.test(String(activity.sourceName ?? '')) || message.code === 'AGENT_OFFLINE';
}

const resultIs = (result: string) => (activity: JsonObject) => activity.activityResult === result;

export const EVENT_CHOICES: Record<string, EventChoice> = {
	alertReset: { name: 'Alert Reset', description: 'A condition alert cleared (CONDITION, RESET)', type: 'CONDITION', statuses: ['RESET'] },
	alertTriggered: {
		name: 'Alert Triggered',
		description: 'A condition alert fired (CONDITION, TRIGGERED)',
		type: 'CONDITION',
		statuses: ['TRIGGERED'],
	},
	deviceOffline: {
		name: 'Device Offline',
		description: 'The agent-offline condition fired (CONDITION, TRIGGERED, source Agent Offline)',
		type: 'CONDITION',
		statuses: ['TRIGGERED'],
		also: isAgentOffline,
	},
	deviceOnline: {
		name: 'Device Online',
		description: 'The agent-offline condition cleared (CONDITION, RESET, source Agent Offline)',
		type: 'CONDITION',
		statuses: ['RESET'],
		also: isAgentOffline,
	},
	patchFailed: {
		name: 'Patch Failed',
		description: 'An OS patch failed to install (PATCH_MANAGEMENT, PATCH_MANAGEMENT_INSTALL_FAILED or PATCH_MANAGEMENT_FAILURE)',
		type: 'PATCH_MANAGEMENT',
		statuses: ['PATCH_MANAGEMENT_INSTALL_FAILED', 'PATCH_MANAGEMENT_FAILURE'],
	},
	scriptFailed: {
		name: 'Script Failed',
		description: 'A script or action finished with a failure (ACTION, COMPLETED, result FAILURE)',
		type: 'ACTION',
		statuses: ['COMPLETED'],
		also: resultIs('FAILURE'),
	},
	scriptFinished: {
		name: 'Script Finished',
		description: 'A script or action finished, whatever its result (ACTION, COMPLETED)',
		type: 'ACTION',
		statuses: ['COMPLETED'],
	},
	ticketCreated: {
		name: 'Ticket Created',
		description: 'A ticket was created (NINJA_TICKETING, NINJA_TICKETING_TICKET_CREATED)',
		type: 'NINJA_TICKETING',
		statuses: ['NINJA_TICKETING_TICKET_CREATED'],
	},
};

export const eventOptions: INodePropertyOptions[] = Object.entries(EVENT_CHOICES).map(([value, choice]) => ({
	name: choice.name,
	value,
	description: choice.description,
}));

/** What a set of chosen events means for a request, for NinjaOne's webhook map, and for the node. */
export interface ActivitySelection {
	/** Query parameters NinjaOne can filter on for all the choices at once. */
	query: IDataObject;
	/** The webhook's `activities`: activity type to status codes (an empty list: every status). */
	webhookActivities: Record<string, string[]>;
	/** Whether an activity is one of the chosen events. */
	matches(activity: JsonObject): boolean;
}

/** The chosen events, or raw types and statuses (advanced); no choice at all means every activity. */
export function selectActivities(events: string[], rawTypes: string[] = [], rawStatuses: string[] = []): ActivitySelection {
	const choices: EventChoice[] = events.map((event) => {
		const choice = EVENT_CHOICES[event];
		if (!choice) throw new Error(`"${event}" is not one of the NinjaOne Trigger's events`);
		return choice;
	});
	if (choices.length === 0 && (rawTypes.length > 0 || rawStatuses.length > 0)) {
		const types = new Set(rawTypes);
		const statuses = new Set(rawStatuses);
		const webhookActivities: Record<string, string[]> = {};
		for (const type of rawTypes) webhookActivities[type] = [...rawStatuses];
		return {
			query: {
				...(rawTypes.length === 1 ? { type: rawTypes[0] } : {}),
				...(rawStatuses.length === 1 ? { status: rawStatuses[0] } : {}),
			},
			webhookActivities,
			matches: (activity) =>
				(types.size === 0 || types.has(String(activity.activityType))) &&
				(statuses.size === 0 || statuses.has(String(activity.statusCode))),
		};
	}
	if (choices.length === 0) return { query: {}, webhookActivities: {}, matches: () => true };
	const types = [...new Set(choices.map((c) => c.type))];
	const statuses = [...new Set(choices.flatMap((c) => c.statuses))];
	const webhookActivities: Record<string, string[]> = {};
	for (const choice of choices) {
		webhookActivities[choice.type] = [...new Set([...(webhookActivities[choice.type] ?? []), ...choice.statuses])].sort();
	}
	return {
		query: { ...(types.length === 1 ? { type: types[0] } : {}), ...(statuses.length === 1 ? { status: statuses[0] } : {}) },
		webhookActivities,
		matches: (activity) =>
			choices.some(
				(c) =>
					activity.activityType === c.type &&
					c.statuses.includes(String(activity.statusCode)) &&
					(!c.also || c.also(activity)),
			),
	};
}

/**
 * The event as a trigger emits it: the activity, and for alerts the fields a triage workflow
 * needs at the top level (from the device and organization NinjaOne expanded, or looked up).
 */
export function eventResult(activity: JsonObject, device?: JsonObject): JsonObject {
	if (activity.activityType !== 'CONDITION' && activity.activityType !== 'CONDITION_ACTIONSET' && activity.activityType !== 'CONDITION_ACTION') {
		return activity;
	}
	const expandedDevice = isJsonObject(activity.device) ? activity.device : device;
	const references = isJsonObject(expandedDevice?.references) ? expandedDevice.references : {};
	const organization = isJsonObject(activity.organization)
		? activity.organization
		: isJsonObject(references.organization)
			? references.organization
			: undefined;
	const organizationId = organization?.id ?? expandedDevice?.organizationId ?? null;
	return {
		...activity,
		deviceId: activity.deviceId ?? expandedDevice?.id ?? null,
		deviceName: expandedDevice?.displayName ?? expandedDevice?.systemName ?? null,
		organizationId,
		organizationName: organization?.name ?? null,
		severity: activity.severity ?? null,
		message: activity.message ?? null,
		seriesUid: activity.seriesUid ?? null,
	};
}

/** Whether the triage fields still need the device (NinjaOne did not expand it). */
export function needsDevice(activity: JsonObject): boolean {
	return (
		String(activity.activityType ?? '').startsWith('CONDITION') &&
		typeof activity.deviceId === 'number' &&
		!isJsonObject(activity.device)
	);
}
