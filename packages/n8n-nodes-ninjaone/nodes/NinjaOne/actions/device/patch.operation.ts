import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locator, locatorId } from '../locators';

const PATCH_TYPES = ['os', 'software'] as const;
const ACTIONS = ['scan', 'apply'] as const;

const properties: INodeProperties[] = [
	locator('device'),
	{
		displayName: 'Patches',
		name: 'patchType',
		type: 'options',
		description: 'Which patches: os (the operating system) or software (third-party applications)',
		options: [
			{ name: 'Operating System', value: 'os' },
			{ name: 'Software', value: 'software', description: 'Third-party applications NinjaOne patches' },
		],
		default: 'os',
	},
	{
		displayName: 'Action',
		name: 'patchAction',
		type: 'options',
		description: 'What to do: scan looks for missing patches, apply installs the approved patches now',
		options: [
			{ name: 'Apply', value: 'apply', description: 'Install the approved patches now' },
			{ name: 'Scan', value: 'scan', description: 'Look for missing patches now' },
		],
		default: 'scan',
	},
];

export const description = forOperation('device', 'patch', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const deviceId = locatorId(inputs, 'device');
	const patchType = inputs.choice('patchType', 'Patches', PATCH_TYPES)!;
	const action = inputs.choice('patchAction', 'Action', ACTIONS)!;
	const answer = await client.call(this, 'POST', `/v2/device/${deviceId}/patch/${patchType}/${action}`);
	return answer ?? { deviceId, patchType, action, requested: true };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
