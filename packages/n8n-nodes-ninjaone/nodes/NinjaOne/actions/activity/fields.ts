import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { DEFAULT_LIMIT } from '../../../shared/descriptions';
import { type ItemInputs, parseIsoDate } from '../../../shared/inputs';
import { ACTIVITY_PAGE_SIZE, type ActivityWindow } from './activities';

/* The parameters Activity > Get Many and Device > Get Activities share, and how they are read. */

export const activityIdBounds: INodeProperties[] = [
	{
		displayName: 'Newer Than Activity ID',
		name: 'newerThan',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Only activities with a higher ID (recorded after it); 0 for no lower bound',
	},
	{
		displayName: 'Older Than Activity ID',
		name: 'olderThan',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Only activities with a lower ID (recorded before it); 0 for no upper bound',
	},
];

export const activityClassFilter: INodeProperties = {
	displayName: 'Activity Class',
	name: 'class',
	type: 'options',
	options: [
		{ name: 'All', value: 'ALL' },
		{ name: 'Device', value: 'DEVICE' },
		{ name: 'System', value: 'SYSTEM' },
		{ name: 'User', value: 'USER' },
	],
	default: 'ALL',
	description: 'Device activities, system activities, user activities, or all',
};

/** The activity type filter: `type` on the account list, `activityType` on a device's. */
export const activityTypeFilter = (name: string, displayName: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'CONDITION',
	description: 'Only activities of this type, e.g. CONDITION, ACTION or PATCH_MANAGEMENT',
});

export const seriesAndStatusFilters: INodeProperties[] = [
	{
		displayName: 'Series UID',
		name: 'seriesUid',
		type: 'string',
		default: '',
		description: 'Only the activities of one alert (its series UID, the alert UID)',
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		default: '',
		placeholder: 'TRIGGERED',
		description: 'Only activities with this status code, e.g. TRIGGERED, RESET or COMPLETED',
	},
];

export const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: ACTIVITY_PAGE_SIZE.min, maxValue: ACTIVITY_PAGE_SIZE.max },
	default: 200,
	description: 'Activities asked for per request (NinjaOne takes 10 to 1000); each page is one request under the throttle',
};

/**
 * Return All / Limit, the ID bounds under `filters.` and the page size under `options.`. The
 * device list takes its IDs as int32, the account list as int64.
 */
export function readWindow(inputs: ItemInputs, maxId = Number.MAX_SAFE_INTEGER): ActivityWindow {
	const limit = inputs.boolean('returnAll') ? undefined : (inputs.number('limit', 'Limit', { min: 1, integer: true }) ?? DEFAULT_LIMIT);
	const bound = (name: string, label: string) => {
		const value = inputs.number(`filters.${name}`, label, { min: 0, max: maxId, integer: true });
		return value ? value : undefined;
	};
	const window: ActivityWindow = {
		limit,
		newerThan: bound('newerThan', 'Newer Than Activity ID'),
		olderThan: bound('olderThan', 'Older Than Activity ID'),
		pageSize:
			inputs.number('options.pageSize', 'Page Size', { min: ACTIVITY_PAGE_SIZE.min, max: ACTIVITY_PAGE_SIZE.max, integer: true }) ??
			ACTIVITY_PAGE_SIZE.default,
	};
	if (window.newerThan !== undefined && window.olderThan !== undefined && window.olderThan <= window.newerThan + 1) {
		inputs.fail('Older Than Activity ID', `must be above Newer Than Activity ID + 1 (${window.newerThan}), or no activity can match`);
	}
	return window;
}

/** A date filter as NinjaOne takes it: Unix seconds. */
export function epochSeconds(inputs: ItemInputs, name: string, label: string, timeZone: string, target: IDataObject): void {
	const text = inputs.text(name, label, false);
	if (text === undefined) return;
	target[name.split('.').pop()!] = String(Math.floor(parseIsoDate(inputs, text, label, timeZone) / 1000));
}
