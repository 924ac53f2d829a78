import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import {
	APPROVAL_MODES,
	approvalModeField,
	customFieldsField,
	organizationIdField,
	policiesField,
	readCommonFields,
	readPolicies,
	tagsField,
	userDataField,
} from '../fields';

const properties: INodeProperties[] = [
	organizationIdField,
	collection('updateFields', [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		approvalModeField,
		customFieldsField,
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{
			...policiesField,
			description:
				'Replaces the policy mappings of the given node roles (a second call, PUT /v2/organization/{ID}/policies): a JSON array of {"nodeRoleId", "policyId"}',
		},
		tagsField,
		userDataField,
	]),
];

export const description = forOperation('organization', 'update', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'organization');
	const body = inputs.texts('updateFields.', [['name', 'Name'], ['description', 'Description']], {});
	const mode = inputs.choice('updateFields.nodeApprovalMode', 'Device Approval Mode', APPROVAL_MODES, false);
	if (mode) body.nodeApprovalMode = mode;
	readCommonFields(inputs, 'updateFields.', body);
	const policies = readPolicies(inputs, 'updateFields.policies');
	if (Object.keys(body).length === 0 && !policies) {
		inputs.fail('Update Fields', 'add at least one field to change');
	}

	const result: IDataObject = { organizationId: id };
	if (Object.keys(body).length > 0) {
		const answer = await client.call(this, 'PATCH', `/v2/organization/${id}`, { body });
		result.updated = body;
		if (answer !== undefined && answer !== null) result.organization = answer as IDataObject;
	}
	if (policies) {
		const affected = await client.call(this, 'PUT', `/v2/organization/${id}/policies`, { body: policies });
		result.policies = policies;
		result.affectedDeviceIds = (affected ?? []) as IDataObject[];
	}
	return result;
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
