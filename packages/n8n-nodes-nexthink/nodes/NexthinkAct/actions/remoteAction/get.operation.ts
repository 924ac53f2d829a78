import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { readRemoteActionId, remoteActionLocator } from './remoteActionLocator';

export const description = forOperation('remoteAction', 'get', [remoteActionLocator]);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const nqlId = readRemoteActionId(inputs);
	return await client.infinity.call(this, 'GET', '/api/v1/act/remote-action/details', { qs: { 'nql-id': nqlId } });
}
