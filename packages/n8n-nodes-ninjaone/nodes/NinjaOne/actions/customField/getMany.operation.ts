import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readLimit } from '../listing';

const SOURCES = ['device', 'paged'] as const;
/** The only value the spec allows for `scopes` of /v2/device-custom-fields. */
const ALL_SCOPES = 'all,node,location,organization';
/** The page size range of /v2/custom-fields. */
const PAGED_MIN = 5;
const PAGED_MAX = 500;

const properties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		description: 'Which list to read: device (every device field definition at once) or paged (every definition, page by page)',
		options: [
			{ name: 'Custom Fields (Paged Endpoint)', value: 'paged', description: 'GET /v2/custom-fields: up to 500 definitions in one page' },
			{ name: 'Device Custom Fields', value: 'device', description: 'GET /v2/device-custom-fields: every definition in one answer' },
		],
		default: 'device',
	},
	...returnAllOrLimit({}),
	{
		...optionsCollection([
			{
				displayName: 'All Scopes',
				name: 'allScopes',
				type: 'boolean',
				default: false,
				description: 'Whether to include location and organization fields besides device fields',
			},
		]),
		displayOptions: { show: { source: ['device'] } },
	},
];

export const description = forOperation('customField', 'getMany', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const source = inputs.choice('source', 'Source', SOURCES)!;
	const limit = readLimit(inputs);
	let definitions: unknown[];
	if (source === 'device') {
		const qs = inputs.boolean('options.allScopes') ? { scopes: ALL_SCOPES } : undefined;
		const answer = await client.call(this, 'GET', '/v2/device-custom-fields', { qs });
		definitions = Array.isArray(answer) ? answer : [];
	} else {
		const pageSize = Math.max(PAGED_MIN, Math.min(PAGED_MAX, limit ?? PAGED_MAX));
		const answer = await client.call(this, 'GET', '/v2/custom-fields', { qs: { pageSize } });
		definitions = isJsonObject(answer) && Array.isArray(answer.results) ? answer.results : [];
	}
	return rows(limit === undefined ? definitions : definitions.slice(0, limit));
}
