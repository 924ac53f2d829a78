import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { type ItemInputs, parseId } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';

const MODES = ['APPROVE', 'REJECT'] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		description: 'APPROVE to let the devices in, REJECT to refuse them',
		options: [
			{ name: 'Approve', value: 'APPROVE' },
			{ name: 'Reject', value: 'REJECT' },
		],
		default: 'APPROVE',
	},
	{
		displayName: 'Device IDs',
		name: 'deviceIds',
		type: 'json',
		default: '[]',
		required: true,
		placeholder: '[101, 102]',
		description:
			'Devices waiting for approval: a JSON array of IDs, comma-separated IDs, or an expression that returns an array',
	},
];

export const description = forOperation('device', 'approveOrReject', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const mode = inputs.choice('mode', 'Mode', MODES)!;
	const devices = inputs.list('deviceIds', 'Device IDs').map((id) => parseId(inputs, id, 'Device IDs')!);
	if (devices.length === 0) inputs.fail('Device IDs', 'give at least one device ID');
	const answer = await client.call(this, 'POST', `/v2/devices/approval/${mode}`, { body: { devices } });
	return answer ?? { mode, devices };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
