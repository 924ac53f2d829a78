import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locator, locatorId, optionalLocatorId } from '../locators';
import { deviceIdField, userDataField } from '../fields';

const properties: INodeProperties[] = [
	deviceIdField(),
	collection('updateFields', [
		{
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			default: '',
			description: 'The friendly name shown in NinjaOne',
		},
		{
			displayName: 'Node Role ID',
			name: 'nodeRoleId',
			type: 'string',
			default: '',
			description: 'The device role (a number)',
		},
		locator('policy', {
			required: false,
			description: 'A policy that overrides the organization\'s mapping for this device',
		}),
		userDataField,
	]),
];

export const description = forOperation('device', 'update', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const body = inputs.texts('updateFields.', [['displayName', 'Display Name']], {});
	const userData = inputs.object('updateFields.userData', 'User Data');
	if (userData !== undefined) body.userData = userData;
	const nodeRoleId = inputs.optionalId('updateFields.nodeRoleId', 'Node Role ID');
	if (nodeRoleId !== undefined) body.nodeRoleId = nodeRoleId;
	const policyId = optionalLocatorId(inputs, 'policy', 'updateFields.policyId', 'Policy');
	if (policyId !== undefined) body.policyId = policyId;
	if (Object.keys(body).length === 0) inputs.fail('Update Fields', 'add at least one field to change');
	const answer = await client.call(this, 'PATCH', `/v2/device/${id}`, { body });
	return answer ?? { deviceId: id, updated: body };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
