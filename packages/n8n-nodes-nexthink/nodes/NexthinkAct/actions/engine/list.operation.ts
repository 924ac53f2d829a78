import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Connected Only',
		name: 'connectedOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the Engines whose status is CONNECTED',
	},
];

export const description = forOperation('engine', 'list', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const engines = await client.portal.call(this, 'GET', '/api/configuration/v1/engines');
	if (!Array.isArray(engines)) throw new Error('The Portal answered the list of Engines with something other than a list');
	const connected = (engine: unknown) => isJsonObject(engine) && engine.status === 'CONNECTED';
	return rows(inputs.boolean('connectedOnly') ? engines.filter(connected) : engines);
}
