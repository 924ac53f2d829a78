import type { INodeProperties } from 'n8n-workflow';

import * as listOptions from './listOptions.operation';
import * as run from './run.operation';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const ownOperations = { listOptions, run };

const ownDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['script'] } },
		options: [
			{
				name: 'Get Scripting Options',
				value: 'listOptions',
				action: 'Get scripting options of a device',
				description: 'List the built-in actions, scripts and credentials available for a device',
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run a script or built in action',
				description: 'Run a script or built-in action on a device',
			},
		],
		default: 'listOptions',
	},
	...listOptions.description,
	...run.description,
];

const own = { operations: ownOperations, description: ownDescription };

export const { operations, description } = withApiCalls(own, api);
