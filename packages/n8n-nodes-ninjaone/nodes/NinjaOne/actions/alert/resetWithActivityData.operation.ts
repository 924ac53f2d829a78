import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { alertUidField, readUuid } from './fields';

const properties: INodeProperties[] = [
	alertUidField,
	{
		displayName: 'Activity Data (JSON)',
		name: 'activityData',
		type: 'json',
		default: '{}',
		description:
			'A JSON object NinjaOne records with the reset in the device\'s activity, e.g. {"ticketId": 42, "resolvedBy": "n8n"}; an expression may also return the object itself',
	},
];

export const description = forOperation('alert', 'resetWithActivityData', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const uid = readUuid(inputs, 'alertUid', 'Alert UID')!;
	const activityData = inputs.object('activityData', 'Activity Data') ?? {};
	const answer = await client.call(this, 'POST', `/v2/alert/${uid}/reset`, { body: activityData });
	return answer ?? { uid, reset: true, activityData };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
