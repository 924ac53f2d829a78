import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as update from './update.operation';

export const operations = { create, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['location'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a location', description: 'Add a location to an organization' },
			{
				name: 'Update',
				value: 'update',
				action: 'Update a location',
				description: 'Change a location\'s name, address, description or custom data',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
];
