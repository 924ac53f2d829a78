import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { isJsonObject } from '../../../shared/envelope';
import { type ItemInputs, pathSegment } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { parametersField, readParameters, UUID } from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Workflow UUID',
		name: 'workflowUuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '3f0c2a9e-6d4b-4e8f-9a1c-2b3d4e5f6a7b',
		description: 'The UUID of the workflow (NQL: workflow.uuid; Workflow > Get gives it as uuid)',
	},
	{
		displayName: 'Execution UUID',
		name: 'executionUuid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
		description: 'The execution waiting at its "wait for event" step (NQL: workflow.executions.execution_id; Workflow > Execute gives it)',
	},
	parametersField('parameters', 'Parameters', 'Values handed to the waiting step, as a JSON object {name: value} of non-empty texts'),
];

export const description = forOperation('workflow', 'resume', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const uuid = (name: string, label: string) => {
		const value = inputs.text(name, label, true)!;
		if (!UUID.test(value)) inputs.fail(label, `must be a UUID, got "${value.slice(0, 80)}"`);
		return value;
	};
	const workflowUuid = uuid('workflowUuid', 'Workflow UUID');
	const executionUuid = uuid('executionUuid', 'Execution UUID');
	const parameters = readParameters(inputs, 'parameters', 'Parameters') ?? {};
	const empty = Object.keys(parameters).find((name) => parameters[name] === '');
	if (empty !== undefined) inputs.fail('Parameters', `the value of "${empty}" is empty; the waiting step takes only non-empty texts`);
	const answer = await client.infinity.call(
		this,
		'POST',
		`/api/v1/workflows/workflows/${pathSegment(inputs, workflowUuid, 'Workflow UUID')}/execution/${pathSegment(inputs, executionUuid, 'Execution UUID')}/trigger`,
		{ body: { parameters } },
	);
	const requestUuids = (Array.isArray(answer) ? answer : [])
		.map((entry) => (isJsonObject(entry) ? entry.requestUuid : undefined))
		.filter((uuid): uuid is string => typeof uuid === 'string');
	return { workflowUuid, executionUuid, resumed: true, requestUuids };
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
