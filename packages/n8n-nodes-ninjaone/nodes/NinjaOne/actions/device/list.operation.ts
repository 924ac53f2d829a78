import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { DEFAULT_PAGE_SIZE, readLimit } from '../listing';


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
			displayName: 'Detailed',
			name: 'detailed',
			type: 'boolean',
			default: false,
			description: 'Whether to return each device in full (system, OS, owner, references) rather than its summary',
		},
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
	const limit = readLimit(inputs);
	const pageSize =
		inputs.number('options.pageSize', 'Page Size', { min: 1, max: 10000, integer: true }) ?? DEFAULT_PAGE_SIZE;
	const path = inputs.boolean('options.detailed') ? '/v2/devices-detailed' : '/v2/devices';
	const devices = await client.list(this, path, df ? { df } : {}, pageSize, limit);
	return rows(devices);
}
