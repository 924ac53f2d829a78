import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { readActivities } from '../NinjaOne/actions/activity/activities';
import { CREDENTIAL_TYPE, ninjaOneClient } from '../NinjaOne/transport';
import { collection, requestIntervalProperty, requestTimeoutProperty } from '../shared/descriptions';
import { DEFAULT_INTERVAL } from '../shared/router';
import { RequestClock } from '../shared/throttle';
import { eventItems, eventProperties, readSelection } from './events';

/** Activities per request while catching up; NinjaOne's largest page. */
const POLL_PAGE_SIZE = 1000;
/** How far back "Fetch Test Event" looks for a matching activity, in pages. */
const TEST_EVENT_PAGES = 5;

/** What the trigger keeps between polls, in the workflow's static data. */
interface PollState {
	/** The newest activity ID already looked at: every later poll reads above it. */
	lastActivityId?: number;
}

export class NinjaOneTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NinjaOne Trigger',
		name: 'ninjaOneTrigger',
		icon: { light: 'file:ninjaone.svg', dark: 'file:ninjaone.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["eventSource"] === "raw" ? "activity types" : $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when NinjaOne records an alert, a device going offline or online, a script result, a failed patch or a new ticket (polling)',
		defaults: { name: 'NinjaOne Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			...eventProperties,
			collection('filters', [
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
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const query: IDataObject = { ...selection.query };
		for (const key of ['df', 'user']) {
			const value = String(filters[key] ?? '').trim();
			if (value !== '') query[key] = value;
		}
		const clock = new RequestClock(Number(this.getNodeParameter('requestInterval', DEFAULT_INTERVAL)));
		clock.timeout = Number(this.getNodeParameter('requestTimeout', 60)) * 1000;
		const client = ninjaOneClient(clock);
		const path = '/v2/activities';

		if (this.getMode() === 'manual') {
			// "Fetch Test Event": the latest matching activity, whatever the cursor; the cursor stays.
			const { activities } = await readActivities(this, client, path, query, {
				limit: 1,
				keep: selection.matches,
				pageSize: 100,
				maxPages: TEST_EVENT_PAGES,
			});
			if (activities.length === 0) {
				throw new NodeOperationError(this.getNode(), 'No recent NinjaOne activity matches the chosen events', {
					description: `Looked at the latest ${TEST_EVENT_PAGES * 100} activities. Make one happen in NinjaOne, or choose other events.`,
				});
			}
			return [await eventItems(this, client, activities)];
		}

		const state = this.getWorkflowStaticData('node') as PollState;
		if (typeof state.lastActivityId !== 'number') {
			// First poll after activation: start from now, without a flood of history.
			const { activities, lastActivityId } = await readActivities(this, client, path, {}, { pageSize: 10, limit: 1 });
			state.lastActivityId = Math.max(lastActivityId ?? 0, ...activities.map((a) => a.id as number));
			return null;
		}

		const cursor = state.lastActivityId;
		const { activities, lastActivityId } = await readActivities(this, client, path, query, {
			newerThan: cursor,
			pageSize: POLL_PAGE_SIZE,
		});
		const newest = Math.max(cursor, lastActivityId ?? 0, ...activities.map((a) => a.id as number));
		const events = activities.filter(selection.matches).sort((a, b) => (a.id as number) - (b.id as number));
		const items = events.length > 0 ? await eventItems(this, client, events) : [];
		// Only now, with every event read and ready to be emitted, does the cursor move.
		state.lastActivityId = newest;
		return items.length > 0 ? [items] : null;
	}
}
