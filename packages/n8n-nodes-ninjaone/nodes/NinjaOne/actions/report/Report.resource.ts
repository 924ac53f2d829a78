import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';

export const operations = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['report'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a report',
				description: 'Run a NinjaOne report (antivirus, health, patches, software, custom fields...), one item per row',
			},
		],
		default: 'get',
	},
	...get.description,
];
