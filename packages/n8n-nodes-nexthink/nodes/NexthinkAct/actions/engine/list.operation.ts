import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { RequestContext } from '../../../shared/request';
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
	const engines = await listEngines(this, client);
	return rows(inputs.boolean('connectedOnly') ? engines.filter(isConnected) : engines);
}

/** The Engines of the Portal; also what NXQL's Engine list and its "all connected Engines" read. */
export async function listEngines(ctx: RequestContext, client: NexthinkClient): Promise<IDataObject[]> {
	const engines = await client.portal.call(ctx, 'GET', '/api/configuration/v1/engines');
	if (!Array.isArray(engines)) throw new Error('The Portal answered the list of Engines with something other than a list');
	return engines.map((engine) => (isJsonObject(engine) ? (engine as IDataObject) : {}));
}

export const isConnected = (engine: IDataObject): boolean => engine.status === 'CONNECTED';
