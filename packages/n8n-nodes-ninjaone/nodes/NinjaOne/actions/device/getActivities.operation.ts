import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import { readActivities } from '../activity/activities';
import { activityIdBounds, activityTypeFilter, pageSizeOption, readWindow, seriesAndStatusFilters } from '../activity/fields';
import { deviceIdField } from '../fields';
import { locatorId } from '../locators';
import type { NinjaOneClient } from '../../transport';

/** The device list's activity IDs are int32 in NinjaOne's spec. */
const INT32_MAX = 2_147_483_647;

const properties: INodeProperties[] = [
	deviceIdField(),
	...returnAllOrLimit({}),
	collection('filters', [activityTypeFilter('activityType', 'Activity Type'), ...activityIdBounds, ...seriesAndStatusFilters]),
	optionsCollection([pageSizeOption]),
];

export const description = forOperation('device', 'getActivities', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const window = readWindow(inputs, INT32_MAX);
	const qs: IDataObject = inputs.texts('filters.', [['activityType', 'Activity Type'], ['status', 'Status'], ['seriesUid', 'Series UID']], {});
	const { activities } = await readActivities(this, client, `/v2/device/${id}/activities`, qs, window);
	return rows(activities);
}
