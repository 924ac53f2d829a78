import type { INodeProperties } from 'n8n-workflow';

import * as setFields from './setFields.operation';

export const operations = { setFields };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['infinity'], resource: ['enrichment'] } },
		options: [
			{
				name: 'Set Fields',
				value: 'setFields',
				action: 'Set fields of objects',
				description: 'Set custom and other enrichable fields of devices, users, binaries or packages',
			},
		],
		default: 'setFields',
	},
	...setFields.description,
];
