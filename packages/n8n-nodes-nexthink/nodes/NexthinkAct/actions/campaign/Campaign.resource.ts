import type { INodeProperties } from 'n8n-workflow';

import * as trigger from './trigger.operation';

export const operations = { trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['infinity'], resource: ['campaign'] } },
		options: [
			{
				name: 'Trigger',
				value: 'trigger',
				action: 'Trigger a campaign',
				description: 'Send a campaign to users, by their SIDs',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
];
