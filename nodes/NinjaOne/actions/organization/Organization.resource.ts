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
		displayOptions: { show: { resource: ['organization'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an organization',
				description: 'Create an organization, optionally from a template, with locations and policy mappings',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an organization',
				description: 'Change name, description, approval mode, user data or policy mappings',
			},
		],
		default: 'create',
	},
	...create.description,
	...update.description,
];
