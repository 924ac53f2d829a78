import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { RequestClock } from '../../shared/throttle';
import { listEngines } from '../actions/engine/list.operation';
import { isApiEnabled, listRemoteActions } from '../actions/remoteAction/list.operation';
import { DEPENDENCIES, listWorkflows } from '../actions/workflow/getMany.operation';
import { nexthinkClient } from '../transport';

/** The editor's list: entries whose name or ID contains the filter, sorted by name. */
function pick(entries: IDataObject[], filter: string | undefined): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = entries
		.filter((entry) => needle === '' || `${entry.name} ${entry.id}`.toLowerCase().includes(needle))
		.map((entry) => ({ name: `${entry.name} (${entry.id})`, value: String(entry.id), description: String(entry.description ?? '') }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/**
 * The remote actions for the editor's list, filtered by name or ID. Execute lists only those
 * that may be triggered through the API.
 */
export async function searchRemoteActions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const actions = (await listRemoteActions(this, nexthinkClient(new RequestClock(0)))) as IDataObject[];
	const forExecute = this.getCurrentNodeParameter('operation') === 'execute';
	return pick(forExecute ? actions.filter(isApiEnabled) : actions, filter);
}

/** The active workflows the API may trigger, whatever they run on, filtered by name or ID. */
export async function searchWorkflows(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const filters = { dependencies: DEPENDENCIES, triggerMethods: ['API'], activeOnly: true };
	return pick(await listWorkflows(this, nexthinkClient(new RequestClock(0)), filters), filter);
}

/** The Portal's Engines by name, with their status; the value is the Engine's address. */
export async function searchEngines(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const engines = (await listEngines(this, nexthinkClient(new RequestClock(0)))).filter(
		(engine) => typeof engine.address === 'string' && engine.address !== '',
	);
	const entries = engines.map((engine) => ({
		name: `${String(engine.name ?? '')} [${String(engine.status ?? 'status unknown')}]`,
		id: engine.address,
		description: engine.description,
	}));
	return pick(entries, filter);
}
