import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { RequestContext } from '../../../shared/request';
import type { NexthinkClient } from '../../transport';

/** The filters the API requires, each with an "any" that asks once per value. */
export const DEPENDENCIES = ['DEVICE', 'NONE', 'USER', 'USER_AND_DEVICE'];
export const TRIGGER_METHODS = ['API', 'MANUAL', 'MANUAL_MULTIPLE', 'SCHEDULER'];

const properties: INodeProperties[] = [
	{
		displayName: 'Dependency',
		name: 'dependency',
		type: 'options',
		options: [
			{ name: 'Any', value: 'any', description: 'All four dependencies (one request each)' },
			{ name: 'Device', value: 'DEVICE' },
			{ name: 'None', value: 'NONE' },
			{ name: 'User', value: 'USER' },
			{ name: 'User and Device', value: 'USER_AND_DEVICE' },
		],
		default: 'any',
		description: 'What the workflows run on',
	},
	{
		displayName: 'Trigger Method',
		name: 'triggerMethod',
		type: 'options',
		description: 'Which workflows: API (those this node can execute), MANUAL, MANUAL_MULTIPLE, SCHEDULER or any',
		options: [
			{ name: 'Any', value: 'any', description: 'All four trigger methods (one request each)' },
			{ name: 'API', value: 'API', description: 'Workflows this node can execute' },
			{ name: 'Manual', value: 'MANUAL' },
			{ name: 'Manual (Multiple)', value: 'MANUAL_MULTIPLE' },
			{ name: 'Scheduler', value: 'SCHEDULER' },
		],
		default: 'API',
	},
	{
		displayName: 'Active Only',
		name: 'activeOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only the active workflows',
	},
	...returnAllOrLimit({ resource: ['workflow'], operation: ['getMany'] }, { returnAllByDefault: true }),
];

export const description = forOperation('workflow', 'getMany', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const dependency = inputs.choice('dependency', 'Dependency', ['any', ...DEPENDENCIES])!;
	const triggerMethod = inputs.choice('triggerMethod', 'Trigger Method', ['any', ...TRIGGER_METHODS])!;
	const limit = inputs.boolean('returnAll', true) ? undefined : inputs.number('limit', 'Limit', { min: 1, integer: true }) ?? 50;
	const workflows = await listWorkflows(this, client, {
		dependencies: dependency === 'any' ? DEPENDENCIES : [dependency],
		triggerMethods: triggerMethod === 'any' ? TRIGGER_METHODS : [triggerMethod],
		activeOnly: inputs.boolean('activeOnly'),
	});
	return rows(limit === undefined ? workflows : workflows.slice(0, limit));
}

/**
 * The workflows matching every combination of the filters, each once (a workflow with several
 * trigger methods comes back for each), in the order the API gave them.
 */
export async function listWorkflows(
	ctx: RequestContext,
	client: NexthinkClient,
	filters: { dependencies: string[]; triggerMethods: string[]; activeOnly: boolean },
): Promise<IDataObject[]> {
	const seen = new Map<string, IDataObject>();
	for (const dependency of filters.dependencies) {
		for (const triggerMethod of filters.triggerMethods) {
			const qs: IDataObject = { dependency, triggerMethod };
			if (filters.activeOnly) qs.fetchOnlyActiveWorkflows = true;
			const answer = await client.infinity.call(ctx, 'GET', '/api/v1/workflows', { qs });
			if (!Array.isArray(answer)) throw new Error('Nexthink Infinity answered the list of workflows with something other than a list');
			for (const workflow of answer) {
				if (!isJsonObject(workflow)) continue;
				const key = String(workflow.uuid ?? workflow.id);
				if (!seen.has(key)) seen.set(key, workflow as IDataObject);
			}
		}
	}
	return [...seen.values()];
}
