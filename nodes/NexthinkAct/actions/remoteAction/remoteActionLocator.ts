import type { INodeProperties } from 'n8n-workflow';

import type { ItemInputs } from '../../../shared/inputs';

/** An Infinity remote action: picked from the list the API gives, or by its NQL ID. */
export const remoteActionLocator: INodeProperties = {
	displayName: 'Remote Action',
	name: 'remoteActionId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchRemoteActions', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '#restart_service',
			hint: 'The NQL ID of the remote action, as Remote Action > List gives it',
		},
	],
};

export function readRemoteActionId(inputs: ItemInputs): string {
	const value = inputs.ctx.getNodeParameter('remoteActionId', inputs.itemIndex, '', { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') inputs.fail('Remote Action', 'is required: choose one from the list or enter its NQL ID, such as #restart_service');
	return id;
}
