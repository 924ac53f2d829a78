import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_LIMIT, optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';

export const DEFAULT_PAGE_SIZE = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Device Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: 'org = 12 AND status = APPROVED',
		description:
			'NinjaOne device filter syntax (the "df" parameter), e.g. "org = 12", "class in (WINDOWS_SERVER)" or "offline". Leave empty for all devices.',
	},
	...returnAllOrLimit({}, { returnAllByDefault: true }),
	optionsCollection([
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10000 },
			default: DEFAULT_PAGE_SIZE,
			description: 'Devices asked for per request; each page is one request under the throttle',
		},
	]),
];

export const description = forOperation('device', 'list', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const df = inputs.text('filter', 'Device Filter', false);
	const limit = inputs.boolean('returnAll') ? undefined : inputs.number('limit', 'Limit', { min: 1, integer: true }) ?? DEFAULT_LIMIT;
	const pageSize =
		inputs.number('options.pageSize', 'Page Size', { min: 1, max: 10000, integer: true }) ?? DEFAULT_PAGE_SIZE;
	const devices = await client.list(this, '/v2/devices', df ? { df } : {}, pageSize, limit);
	return rows(devices);
}
