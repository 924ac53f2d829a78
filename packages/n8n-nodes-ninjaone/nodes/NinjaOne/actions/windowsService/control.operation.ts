import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { type ItemInputs, pathSegment } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

const ACTIONS = ['START', 'PAUSE', 'STOP', 'RESTART'] as const;

const properties: INodeProperties[] = [
	deviceIdField('A Windows device\'s NinjaOne ID (a number)'),
	{
		displayName: 'Service ID',
		name: 'serviceId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'wuauserv',
		description: 'The service\'s identifier as Windows Service > List returns it',
	},
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		description: 'What to do with the service: START, PAUSE, STOP or RESTART',
		options: ACTIONS.map((action) => ({ name: action.charAt(0) + action.slice(1).toLowerCase(), value: action })),
		default: 'RESTART',
	},
];

export const description = forOperation('windowsService', 'control', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const serviceId = inputs.text('serviceId', 'Service ID', true);
	const segment = pathSegment(inputs, serviceId, 'Service ID');
	const action = inputs.choice('action', 'Action', ACTIONS)!;
	const answer = await client.call(this, 'POST', `/v2/device/${id}/windows-service/${segment}/control`, {
		body: { action },
	});
	return answer ?? { deviceId: id, serviceId, action };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
