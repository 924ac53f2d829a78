import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';

import * as getDefinition from './get.operation';

const get = withOutput('report', 'get', getDefinition);

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
