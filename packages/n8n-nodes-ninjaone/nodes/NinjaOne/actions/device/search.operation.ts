import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_LIMIT } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Term',
		name: 'query',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'host-0042',
		description: 'What NinjaOne looks for: a device name, a logged-on user, an IP or MAC address and so on',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const description = forOperation('device', 'search', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const q = inputs.text('query', 'Search Term', true)!;
	const limit = inputs.number('limit', 'Limit', { min: 1, max: 2_147_483_647, integer: true }) ?? DEFAULT_LIMIT;
	const answer = await client.call(this, 'GET', '/v2/devices/search', { qs: { q, limit } });
	const devices = isJsonObject(answer) && Array.isArray(answer.devices) ? answer.devices : [];
	return rows(devices);
}
