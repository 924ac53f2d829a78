import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readLimit } from '../listing';

const properties: INodeProperties[] = [
	{
		displayName: 'Group ID',
		name: 'groupId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3',
		description: 'The group (a number), as Group > Get Many lists it',
	},
	...returnAllOrLimit({}),
];

export const description = forOperation('group', 'getDeviceIds', properties);

/** One item per device of the group: `{groupId, deviceId}`, ready for a device operation. */
export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const groupId = inputs.id('groupId', 'Group ID');
	const limit = readLimit(inputs);
	const answer = await client.call(this, 'GET', `/v2/group/${groupId}/device-ids`);
	if (!Array.isArray(answer)) throw new Error('NinjaOne answered the group\'s device IDs with something other than a list');
	return rows((limit === undefined ? answer : answer.slice(0, limit)).map((deviceId) => ({ groupId, deviceId })));
}
