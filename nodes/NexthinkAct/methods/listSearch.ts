import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { RequestClock } from '../../shared/throttle';
import { isApiEnabled, listRemoteActions } from '../actions/remoteAction/list.operation';
import { nexthinkClient } from '../transport';

/**
 * The remote actions for the editor's list, filtered by name or ID. Execute lists only those
 * that may be triggered through the API.
 */
export async function searchRemoteActions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const actions = (await listRemoteActions(this, nexthinkClient(new RequestClock(0)))) as IDataObject[];
	const forExecute = this.getCurrentNodeParameter('operation') === 'execute';
	const needle = (filter ?? '').trim().toLowerCase();
	const results = actions
		.filter((action) => !forExecute || isApiEnabled(action))
		.filter((action) => needle === '' || `${action.name} ${action.id}`.toLowerCase().includes(needle))
		.map((action) => ({ name: `${action.name} (${action.id})`, value: String(action.id), description: String(action.description ?? '') }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
