import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as updateCustomFields from './updateCustomFields.operation';

export const operations = { create, getCustomFields, getMany, update, updateCustomFields };

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
				name: 'Get Custom Fields',
				value: 'getCustomFields',
				action: 'Get the custom fields of a location',
				description: 'Get the location\'s custom field values as one object',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many locations',
				description: 'List the locations of every organization or of one, one item per location',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a location',
				description: 'Change a location\'s name, address, description or custom data',
			},
			{
				name: 'Update Custom Fields',
				value: 'updateCustomFields',
				action: 'Update the custom fields of a location',
				description: 'Write custom field values; the result says which were written and which NinjaOne refused',
			},
		],
		default: 'create',
	},
	...create.description,
	...getCustomFields.description,
	...getMany.description,
	...update.description,
	...updateCustomFields.description,
];
