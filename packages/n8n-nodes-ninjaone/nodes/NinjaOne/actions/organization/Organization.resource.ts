import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';
import { DEVICE_SUMMARY } from '../summaries';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getDevicesDefinition from './getDevices.operation';
import * as getEndUsers from './getEndUsers.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as updateCustomFields from './updateCustomFields.operation';

const getDevices = withOutput('organization', 'getDevices', getDevicesDefinition, DEVICE_SUMMARY);

export const operations = { create, get, getCustomFields, getDevices, getEndUsers, getMany, update, updateCustomFields };

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
			{ name: 'Get', value: 'get', action: 'Get an organization', description: 'Get one organization with its locations and policies' },
			{
				name: 'Get Custom Fields',
				value: 'getCustomFields',
				action: 'Get the custom fields of an organization',
				description: 'Get the organization\'s custom field values as one object',
			},
			{
				name: 'Get Devices',
				value: 'getDevices',
				action: 'Get the devices of an organization',
				description: 'List the organization\'s devices, one item per device',
			},
			{
				name: 'Get End Users',
				value: 'getEndUsers',
				action: 'Get the end users of an organization',
				description: 'List the organization\'s end users, one item per user',
			},
			{ name: 'Get Many', value: 'getMany', action: 'Get many organizations', description: 'List organizations, one item per organization' },
			{
				name: 'Update',
				value: 'update',
				action: 'Update an organization',
				description: 'Change name, description, approval mode, user data or policy mappings',
			},
			{
				name: 'Update Custom Fields',
				value: 'updateCustomFields',
				action: 'Update the custom fields of an organization',
				description: 'Write custom field values; the result says which were written and which NinjaOne refused',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getCustomFields.description,
	...getDevices.description,
	...getEndUsers.description,
	...getMany.description,
	...update.description,
	...updateCustomFields.description,
];
