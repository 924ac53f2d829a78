import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';
import { ACTIVITY_SUMMARY } from '../summaries';

import * as getManyDefinition from './getMany.operation';

const getMany = withOutput('activity', 'getMany', getManyDefinition, ACTIVITY_SUMMARY);

export const operations = { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['activity'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many activities',
				description: 'Read the activity log (alerts, scripts, patches, logins...), newest first, one item per activity',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
