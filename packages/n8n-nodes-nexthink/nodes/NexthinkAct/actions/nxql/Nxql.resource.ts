import type { INodeProperties } from 'n8n-workflow';

import * as executeQuery from './executeQuery.operation';

export const operations = { executeQuery };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['portal'], resource: ['nxql'] } },
		options: [
			{
				name: 'Execute Query',
				value: 'executeQuery',
				action: 'Execute an NXQL query',
				description: 'Run an NXQL query on one Engine or on every connected Engine, one item per row',
			},
		],
		default: 'executeQuery',
	},
	...executeQuery.description,
];
