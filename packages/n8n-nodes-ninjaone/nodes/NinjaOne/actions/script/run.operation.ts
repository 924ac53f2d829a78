import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

const TYPES = ['SCRIPT', 'ACTION'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const properties: INodeProperties[] = [
	{
		displayName:
			'Running scripts needs a NinjaOne credential with the Authorization Code grant type: NinjaOne refuses client-credential tokens here ("user_context_required").',
		name: 'userContextNotice',
		type: 'notice',
		default: '',
	},
	deviceIdField(),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		description: 'SCRIPT runs a script of the automation library by ID; ACTION runs a built-in action by UID',
		options: [
			{ name: 'Script', value: 'SCRIPT', description: 'A script from the automation library, by ID' },
			{ name: 'Built-In Action', value: 'ACTION', description: 'A built-in action, by UID' },
		],
		default: 'SCRIPT',
	},
	{
		displayName: 'Script ID',
		name: 'scriptId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { type: ['SCRIPT'] } },
		description: 'The script\'s ID, as Script > List Scripting Options returns it',
	},
	{
		displayName: 'Action UID',
		name: 'actionUid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '00000000-0000-0000-0000-000000000000',
		displayOptions: { show: { type: ['ACTION'] } },
		description: 'The built-in action\'s UID, as Script > List Scripting Options returns it',
	},
	{
		displayName: 'Parameters',
		name: 'parameters',
		type: 'string',
		default: '',
		description: 'The parameters passed to the script or action, as one string',
	},
	{
		displayName: 'Run As',
		name: 'runAs',
		type: 'string',
		default: '',
		placeholder: 'system',
		description:
			'The credential role or credential ID to run as, e.g. "system", "loggedonuser" or a credential ID; leave empty for the script\'s default',
	},
];

export const description = forOperation('script', 'run', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const type = inputs.choice('type', 'Type', TYPES)!;
	const body: IDataObject = { type };
	if (type === 'SCRIPT') {
		body.id = inputs.id('scriptId', 'Script ID');
	} else {
		const uid = inputs.text('actionUid', 'Action UID', true)!;
		if (!UUID.test(uid)) inputs.fail('Action UID', `must be a UUID, got "${uid}"`);
		body.uid = uid;
	}
	const parameters = inputs.text('parameters', 'Parameters', false);
	if (parameters !== undefined) body.parameters = parameters;
	const runAs = inputs.text('runAs', 'Run As', false);
	if (runAs !== undefined) body.runAs = runAs;
	const answer = await client.call(this, 'POST', `/v2/device/${id}/script/run`, { body });
	return answer ?? { deviceId: id, ...body, requested: true };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
