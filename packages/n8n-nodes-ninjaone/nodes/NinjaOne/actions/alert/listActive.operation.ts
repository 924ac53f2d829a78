import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit({}),
	collection('filters', [
		{
			displayName: 'Device Filter',
			name: 'df',
			type: 'string',
			default: '',
			placeholder: 'org = 12',
			description: 'NinjaOne device filter syntax, e.g. "org = 12" or "class in (WINDOWS_SERVER)"',
		},
		{
			displayName: 'Language',
			name: 'lang',
			type: 'string',
			default: '',
			placeholder: 'en',
			description: 'Language tag for alert messages',
		},
		{
			displayName: 'Source Type',
			name: 'sourceType',
			type: 'string',
			default: '',
			placeholder: 'CONDITION',
			description: 'Only alerts from this source, e.g. CONDITION, CONDITION_ACTIONSET or AGENT_OFFLINE',
		},
		{
			displayName: 'Time Zone',
			name: 'tz',
			type: 'string',
			default: '',
			placeholder: 'Europe/Zurich',
			description: 'Time zone for the times in alert messages',
		},
	]),
];

export const description = forOperation('alert', 'listActive', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const qs = inputs.texts('filters.', [['sourceType', 'Source Type'], ['df', 'Device Filter'], ['lang', 'Language'], ['tz', 'Time Zone']], {});
	const alerts = await client.call(this, 'GET', '/v2/alerts', { qs });
	const list = Array.isArray(alerts) ? alerts : [];
	const limit = inputs.boolean('returnAll') ? undefined : inputs.number('limit', 'Limit', { min: 1, integer: true });
	return rows(limit === undefined ? list : list.slice(0, limit));
}
