import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readActivities } from './activities';
import { activityClassFilter, activityIdBounds, activityTypeFilter, epochSeconds, pageSizeOption, readWindow, seriesAndStatusFilters } from './fields';

const CLASSES = ['ALL', 'DEVICE', 'SYSTEM', 'USER'] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	collection('filters', [
		activityClassFilter,
		{
			displayName: 'After Date',
			name: 'after',
			type: 'dateTime',
			default: '',
			description: 'Only activities recorded after this time',
		},
		{
			displayName: 'Before Date',
			name: 'before',
			type: 'dateTime',
			default: '',
			description: 'Only activities recorded before this time',
		},
		{
			displayName: 'Device Filter',
			name: 'df',
			type: 'string',
			default: '',
			placeholder: 'org = 12',
			description: 'NinjaOne device filter syntax, e.g. "org = 12" or "class in (WINDOWS_SERVER)"',
		},
		...activityIdBounds,
		...seriesAndStatusFilters,
		activityTypeFilter('type', 'Type'),
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: '',
			description: 'Only activities of this user',
		},
	]),
	optionsCollection([pageSizeOption]),
];

export const description = forOperation('activity', 'getMany', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const window = readWindow(inputs);
	const qs: IDataObject = {};
	const activityClass = inputs.choice('filters.class', 'Activity Class', CLASSES, false);
	if (activityClass && activityClass !== 'ALL') qs.class = activityClass;
	inputs.texts('filters.', [['type', 'Type'], ['status', 'Status'], ['df', 'Device Filter'], ['user', 'User'], ['seriesUid', 'Series UID']], qs);
	const timeZone = this.getTimezone();
	epochSeconds(inputs, 'filters.after', 'After Date', timeZone, qs);
	epochSeconds(inputs, 'filters.before', 'Before Date', timeZone, qs);
	const { activities } = await readActivities(this, client, '/v2/activities', qs, window);
	return rows(activities);
}
