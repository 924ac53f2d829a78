import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemInputs } from '../../shared/inputs';
import { locator } from './locators';

export const APPROVAL_MODES = ['AUTOMATIC', 'MANUAL', 'REJECT'] as const;

export const approvalModeField: INodeProperties = {
	displayName: 'Device Approval Mode',
	name: 'nodeApprovalMode',
	type: 'options',
	options: APPROVAL_MODES.map((mode) => ({ name: mode.charAt(0) + mode.slice(1).toLowerCase(), value: mode })),
	default: 'AUTOMATIC',
	description: 'How new devices of this organization are admitted: automatically, after manual approval, or rejected',
};

export const userDataField: INodeProperties = {
	displayName: 'User Data (JSON)',
	name: 'userData',
	type: 'json',
	default: '{}',
	description: 'Custom attributes as a JSON object, e.g. {"contract": "gold"}; an expression may also return the object itself',
};

export const tagsField: INodeProperties = {
	displayName: 'Tags (JSON)',
	name: 'tags',
	type: 'json',
	default: '',
	placeholder: '["tag1", "tag2"]',
	description:
		'A JSON array of tags. Sent only when filled: NinjaOne\'s 2025 API took tags, the 2026 specification no longer lists them.',
};

export const customFieldsField: INodeProperties = {
	displayName: 'Fields (JSON)',
	name: 'fields',
	type: 'json',
	default: '',
	placeholder: '{"field": "value"}',
	description:
		'Custom fields as a JSON object. Sent only when filled: NinjaOne\'s 2025 API took fields, the 2026 specification no longer lists them.',
};

export const policiesField: INodeProperties = {
	displayName: 'Policies (JSON)',
	name: 'policies',
	type: 'json',
	default: '',
	placeholder: '[{"nodeRoleId": 1, "policyId": 2}]',
	description: 'Policy mappings: a JSON array of {"nodeRoleId", "policyId"} pairs',
};

/** Reads user data, tags and fields from `prefix` (a collection) into an API body. */
export function readCommonFields(inputs: ItemInputs, prefix: string, body: IDataObject): void {
	const userData = inputs.object(`${prefix}userData`, 'User Data');
	if (userData !== undefined) body.userData = userData;
	const tags = inputs.array(`${prefix}tags`, 'Tags');
	if (tags !== undefined) body.tags = tags;
	const fields = inputs.object(`${prefix}fields`, 'Fields');
	if (fields !== undefined) body.fields = fields;
}

/** Policy mappings, checked entry by entry. */
export function readPolicies(inputs: ItemInputs, name: string): IDataObject[] | undefined {
	const list = inputs.array(name, 'Policies');
	return list?.map((entry, i) => {
		const pair = entry as IDataObject;
		const ok =
			typeof entry === 'object' &&
			entry !== null &&
			Number.isInteger(pair.nodeRoleId) &&
			Number.isInteger(pair.policyId);
		if (!ok) inputs.fail('Policies', `entry ${i} must be {"nodeRoleId": <integer>, "policyId": <integer>}`);
		return { nodeRoleId: pair.nodeRoleId, policyId: pair.policyId };
	});
}

/** Locations of a new organization: objects with at least a name. */
export function readLocations(inputs: ItemInputs, name: string): IDataObject[] | undefined {
	const list = inputs.array(name, 'Locations');
	return list?.map((entry, i) => {
		const location = entry as IDataObject;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || typeof location.name !== 'string') {
			inputs.fail('Locations', `entry ${i} must be an object with at least a "name"`);
		}
		return location;
	});
}

export const deviceIdField = (description?: string): INodeProperties =>
	locator('device', description ? { description } : {});

export const organizationIdField: INodeProperties = locator('organization');

export const locationIdField: INodeProperties = locator('location', {
	description: 'The location within the organization: pick it from the list or give its ID',
});
