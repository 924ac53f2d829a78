import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

const MODES = ['NORMAL', 'FORCED'] as const;

const properties: INodeProperties[] = [
	deviceIdField(),
	{
		displayName: 'Reboot Mode',
		name: 'mode',
		type: 'options',
		description: 'How to restart: NORMAL lets programs close, FORCED restarts even if they refuse',
		options: [
			{ name: 'Normal', value: 'NORMAL', description: 'Let the operating system close programs normally' },
			{ name: 'Forced', value: 'FORCED', description: 'Restart even if programs refuse to close' },
		],
		default: 'NORMAL',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'Why the device is restarted; shown in NinjaOne\'s activity log',
	},
];

export const description = forOperation('device', 'reboot', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const mode = inputs.choice('mode', 'Reboot Mode', MODES)!;
	const reason = inputs.text('reason', 'Reason', false);
	const answer = await client.call(this, 'POST', `/v2/device/${id}/reboot/${mode}`, {
		body: reason !== undefined ? { reason } : {},
	});
	return answer ?? { deviceId: id, mode, reason: reason ?? null, requested: true };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
