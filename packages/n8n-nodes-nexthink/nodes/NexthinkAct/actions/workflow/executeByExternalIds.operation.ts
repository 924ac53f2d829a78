import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { listDescription, parametersField, readIdentifiers, USER_SID, USER_UPN, UUID } from '../fields';
import { executeWorkflow, maxTargetsOption, type Target } from './executions';
import { readWorkflowId, workflowLocator } from './workflowLocator';

/** How each kind of target may be named, and what a valid value looks like. */
const DEVICE_KEYS = {
	name: undefined,
	collectorUid: { regex: UUID, what: 'a Collector UID (a UUID)' },
	uid: { regex: UUID, what: 'a device UID (a UUID)' },
};
const USER_KEYS = {
	sid: { regex: USER_SID, what: 'a user SID (such as S-1-5-21-…)' },
	upn: { regex: USER_UPN, what: 'a user principal name (such as jane@company.com)' },
	uid: { regex: UUID, what: 'a user UID (a UUID)' },
};

const properties: INodeProperties[] = [
	workflowLocator,
	{
		displayName: 'Devices Identified By',
		name: 'deviceKey',
		type: 'options',
		description: 'What the devices are given by: name, collectorUid or uid',
		options: [
			{ name: 'Collector UID', value: 'collectorUid', description: 'NQL: device.collector.uid' },
			{ name: 'Device Name', value: 'name', description: 'NQL: device.name; where several devices have the name, the most recently seen one' },
			{ name: 'Device UID', value: 'uid', description: 'NQL: device.uid' },
		],
		default: 'name',
	},
	{
		displayName: 'Devices',
		name: 'devices',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'LAPTOP-ALICE, LAPTOP-BOB',
		description: listDescription('The target devices.'),
	},
	{
		displayName: 'Users Identified By',
		name: 'userKey',
		type: 'options',
		description: 'What the users are given by: upn, sid or uid',
		options: [
			{ name: 'SID', value: 'sid', description: 'NQL: user.sid' },
			{ name: 'User Principal Name', value: 'upn', description: 'NQL: user.upn, such as jane@company.com' },
			{ name: 'User UID', value: 'uid', description: 'NQL: user.uid' },
		],
		default: 'upn',
	},
	{
		displayName: 'Users',
		name: 'users',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'jane@company.com',
		description: listDescription('The target users. Give devices, users or both.'),
	},
	parametersField('params', 'Parameters', 'Inputs of the workflow, sent as a JSON object {name: value} of texts'),
	optionsCollection([maxTargetsOption]),
];

export const description = forOperation('workflow', 'executeByExternalIds', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const workflowId = readWorkflowId(inputs);
	const targets: Target[] = [];
	for (const [kind, keys, label] of [
		['device', DEVICE_KEYS, 'Devices'],
		['user', USER_KEYS, 'Users'],
	] as const) {
		const key = inputs.choice(`${kind}Key`, `${label} Identified By`, Object.keys(keys))!;
		const values = readIdentifiers(inputs, `${kind}s`, label, (keys as Record<string, { regex: RegExp; what: string } | undefined>)[key]);
		for (const value of values) targets.push({ kind, value: { [key]: value } });
	}
	return await executeWorkflow(this, inputs, client, '/api/v2/workflows/execute', workflowId, targets);
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
