import type { INodeProperties } from 'n8n-workflow';

import * as control from './control.operation';
import * as list from './list.operation';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const ownOperations = { control, list };

const ownDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['windowsService'] } },
		options: [
			{
				name: 'Control',
				value: 'control',
				action: 'Start stop pause or restart a windows service',
				description: 'Start, pause, stop or restart a Windows service on a device',
			},
			{
				name: 'Get Many',
				value: 'list',
				action: 'Get many windows services',
				description: 'List the Windows services of a device and their states',
			},
		],
		default: 'list',
	},
	...control.description,
	...list.description,
];

const own = { operations: ownOperations, description: ownDescription };

export const { operations, description } = withApiCalls(own, api);
