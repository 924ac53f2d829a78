import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locator, optionalLocatorId } from '../locators';
import {
	APPROVAL_MODES,
	approvalModeField,
	customFieldsField,
	policiesField,
	readCommonFields,
	readLocations,
	readPolicies,
	tagsField,
	userDataField,
} from '../fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'Full name of the new organization',
	},
	locator('organization', {
		displayName: 'Template Organization',
		name: 'templateOrganizationId',
		required: false,
		description: 'An existing organization whose settings are copied to the new one. Leave empty to start blank.',
	}),
	collection('additionalFields', [
		{ displayName: 'Description', name: 'description', type: 'string', default: '' },
		approvalModeField,
		customFieldsField,
		{
			displayName: 'Locations (JSON)',
			name: 'locations',
			type: 'json',
			default: '',
			placeholder: '[{"name": "HQ", "address": "1 Main St"}]',
			description: 'Locations to create with the organization: a JSON array of {"name", "address", "description", "userData"}',
		},
		policiesField,
		tagsField,
		userDataField,
	]),
];

export const description = forOperation('organization', 'create', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const templateId = optionalLocatorId(inputs, 'organization', 'templateOrganizationId', 'Template Organization');
	const body: IDataObject = { name: inputs.text('name', 'Name', true) };
	inputs.texts('additionalFields.', [['description', 'Description']], body);
	const mode = inputs.choice('additionalFields.nodeApprovalMode', 'Device Approval Mode', APPROVAL_MODES, false);
	if (mode) body.nodeApprovalMode = mode;
	readCommonFields(inputs, 'additionalFields.', body);
	const locations = readLocations(inputs, 'additionalFields.locations');
	if (locations) body.locations = locations;
	const policies = readPolicies(inputs, 'additionalFields.policies');
	if (policies) body.policies = policies;

	const qs = templateId !== undefined ? { templateOrganizationId: templateId } : undefined;
	return await client.call(this, 'POST', '/v2/organizations', { qs, body });
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
