import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

export const SERVICE_STATES = [
	'UNKNOWN',
	'STOPPED',
	'START_PENDING',
	'RUNNING',
	'STOP_PENDING',
	'PAUSE_PENDING',
	'PAUSED',
	'CONTINUE_PENDING',
] as const;

const properties: INodeProperties[] = [
	deviceIdField('A Windows device\'s NinjaOne ID (a number)'),
	collection('filters', [
		{
			displayName: 'Service Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only services with this name, e.g. "wuauserv"',
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'options',
			options: SERVICE_STATES.map((state) => ({
				name: state.charAt(0) + state.slice(1).toLowerCase().replace(/_/g, ' '),
				value: state,
			})),
			default: 'RUNNING',
			description: 'Only services in this state',
		},
	]),
];

export const description = forOperation('windowsService', 'list', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const qs: IDataObject = {};
	const name = inputs.text('filters.name', 'Service Name', false);
	if (name !== undefined) qs.name = name;
	const state = inputs.choice('filters.state', 'State', SERVICE_STATES, false);
	if (state) qs.state = state;
	const services = await client.call(this, 'GET', `/v2/device/${id}/windows-services`, { qs });
	return rows(Array.isArray(services) ? services : []);
}
