import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { RequestContext } from '../../../shared/request';
import type { NexthinkClient } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'API-Enabled Only',
		name: 'apiEnabledOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the remote actions that may be triggered through the API (targeting.apiEnabled)',
	},
];

export const description = forOperation('remoteAction', 'list', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const actions = await listRemoteActions(this, client);
	return rows(inputs.boolean('apiEnabledOnly') ? actions.filter(isApiEnabled) : actions);
}

/** Every remote action of the instance; also what the Remote Action list of the editor shows. */
export async function listRemoteActions(ctx: RequestContext, client: NexthinkClient): Promise<unknown[]> {
	const actions = await client.infinity.call(ctx, 'GET', '/api/v1/act/remote-action');
	if (!Array.isArray(actions)) throw new Error('Nexthink Infinity answered the list of remote actions with something other than a list');
	return actions;
}

export function isApiEnabled(action: unknown): boolean {
	return isJsonObject(action) && isJsonObject(action.targeting) && action.targeting.apiEnabled === true;
}
