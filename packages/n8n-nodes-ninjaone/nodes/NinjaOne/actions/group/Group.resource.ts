import type { INodeProperties } from 'n8n-workflow';

import { wholeList } from '../listing';
import * as getDeviceIds from './getDeviceIds.operation';

const getMany = wholeList('group', 'getMany', { path: () => '/v2/groups' });

export const operations = { getDeviceIds, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Get Device IDs',
				value: 'getDeviceIds',
				action: 'Get the device ids of a group',
				description: 'List the devices of a group, one item per device ID',
			},
			{ name: 'Get Many', value: 'getMany', action: 'Get many groups', description: 'List device groups, one item per group' },
		],
		default: 'getMany',
	},
	...getDeviceIds.description,
	...getMany.description,
];
