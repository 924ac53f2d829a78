import type { INodeProperties } from 'n8n-workflow';

import { type ItemInputs, show } from '../../../shared/inputs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const alertUidField: INodeProperties = {
	displayName: 'Alert UID',
	name: 'alertUid',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50',
	description: 'The alert\'s UID: the "uid" of an alert from Alert > List Active',
};

/** A UUID, checked before any request (NinjaOne's alert and user UIDs). */
export function readUuid(inputs: ItemInputs, name: string, label: string, required = true): string | undefined {
	const value = inputs.text(name, label, required);
	if (value !== undefined && !UUID.test(value)) inputs.fail(label, `must be a UUID such as 3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50, got ${show(value)}`);
	return value;
}
