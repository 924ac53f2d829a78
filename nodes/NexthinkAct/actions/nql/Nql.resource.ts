import type { INodeProperties } from 'n8n-workflow';

import * as executeQuery from './executeQuery.operation';

export const operations = { executeQuery };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['infinity'], resource: ['nql'] } },
		options: [
			{
				name: 'Execute Query',
				value: 'executeQuery',
				action: 'Execute an NQL query',
				description: 'Run a saved NQL API query, one item per row',
			},
		],
		default: 'executeQuery',
	},
	...executeQuery.description,
];
