import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { type ItemInputs, show } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locator, locatorId } from '../locators';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const properties: INodeProperties[] = [
	locator('device'),
	{
		displayName: 'Owner UID',
		name: 'ownerUid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '5b1e1c1a-0d6e-4d6b-9a55-1f0c3f1e0a01',
		description: 'The UID of a technician or end user, as User > Get Many gives it',
	},
];

export const description = forOperation('device', 'setOwner', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const deviceId = locatorId(inputs, 'device');
	const ownerUid = inputs.text('ownerUid', 'Owner UID', true)!;
	if (!UUID.test(ownerUid)) inputs.fail('Owner UID', `must be a user's UID such as 5b1e1c1a-0d6e-4d6b-9a55-1f0c3f1e0a01, got ${show(ownerUid)}`);
	const answer = await client.call(this, 'POST', `/v2/device/${deviceId}/owner/${ownerUid}`);
	return answer ?? { deviceId, ownerUid, ownerSet: true };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
