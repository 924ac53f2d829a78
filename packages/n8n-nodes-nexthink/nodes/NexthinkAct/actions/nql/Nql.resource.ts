import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';

import * as executeQueryDefinition from './executeQuery.operation';
import * as exportOperation from './export.operation';

const executeQuery = withOutput('nql', 'executeQuery', executeQueryDefinition);

export const operations = { executeQuery, export: exportOperation };

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
			{
				name: 'Export',
				value: 'export',
				action: 'Export the results of an NQL query',
				description: 'Run a saved NQL API query as an export, for results larger than one query answer: one item per row',
			},
		],
		default: 'executeQuery',
	},
	...executeQuery.description,
	...exportOperation.description,
];
