import type { INodeProperties } from 'n8n-workflow';

import * as generate from './generate.operation';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const ownOperations = { generate };

const ownDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['installer'] } },
		options: [
			{
				name: 'Generate',
				value: 'generate',
				action: 'Generate an agent installer link',
				description: 'Generate the download URL of an agent installer for an organization\'s location',
			},
		],
		default: 'generate',
	},
	...generate.description,
];

const own = { operations: ownOperations, description: ownDescription };

export const { operations, description } = withApiCalls(own, api);
