import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { listDescription, parametersField, readIdentifiers, USER_SID, UUID } from '../fields';
import { executeWorkflow, maxTargetsOption } from './executions';
import { readWorkflowId, workflowLocator } from './workflowLocator';

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Devices (Collector IDs)',
		name: 'devices',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: '6b5e8a04-9c1d-4f2e-8a3b-7d0c2e4f6a18, 1f2d...',
		description: listDescription('The Collector ID of each target device (NQL: device.collector.uid).'),
	},
	{
		displayName: 'Users (SIDs)',
		name: 'users',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'S-1-5-21-1004336348-1177238915-682003330-512',
		description: listDescription('The security ID of each target user (NQL: user.sid). Give devices, users or both.'),
	},
	parametersField('params', 'Parameters', 'Inputs of the workflow, sent as a JSON object {name: value} of texts'),
	optionsCollection([maxTargetsOption]),
];

export const description = forOperation('workflow', 'execute', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const workflowId = readWorkflowId(inputs);
	const devices = readIdentifiers(inputs, 'devices', 'Devices (Collector IDs)', { regex: UUID, what: 'a Collector ID (a UUID)' });
	const users = readIdentifiers(inputs, 'users', 'Users (SIDs)', { regex: USER_SID, what: 'a user SID (such as S-1-5-21-…)' });
	return await executeWorkflow(this, inputs, client, '/api/v1/workflows/execute', workflowId, [
		...devices.map((value) => ({ kind: 'device' as const, value })),
		...users.map((value) => ({ kind: 'user' as const, value })),
	]);
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
