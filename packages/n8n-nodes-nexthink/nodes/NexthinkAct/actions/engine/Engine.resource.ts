import type { INodeProperties } from 'n8n-workflow';

import * as list from './list.operation';

export const operations = { list };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['portal'], resource: ['engine'] } },
		options: [
			{
				name: 'Get Many',
				value: 'list',
				action: 'Get many engines',
				description: 'List the Engines connected to the Portal, one item per Engine',
			},
		],
		default: 'list',
	},
	...list.description,
];
