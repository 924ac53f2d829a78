import type { INodeProperties } from 'n8n-workflow';

import * as listActive from './listActive.operation';

export const operations = { listActive };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['alert'] } },
		options: [
			{
				name: 'List Active',
				value: 'listActive',
				action: 'List active alerts',
				description: 'List active alerts (triggered conditions), one item per alert',
			},
		],
		default: 'listActive',
	},
	...listActive.description,
];
