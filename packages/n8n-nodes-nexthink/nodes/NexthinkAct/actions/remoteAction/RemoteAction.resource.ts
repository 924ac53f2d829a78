import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';

import * as execute from './execute.operation';
import * as get from './get.operation';
import * as listDefinition from './list.operation';
import * as run from './run.operation';

const list = withOutput('remoteAction', 'list', listDefinition);

/** Run is the classic Portal's; Execute, Get and List are Infinity's. */
export const operations = { execute, get, list, run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['portal'], resource: ['remoteAction'] } },
		options: [
			{
				name: 'Run',
				value: 'run',
				action: 'Run a remote action',
				description: 'Run a remote action on devices through the Portal\'s Act API v2',
			},
		],
		default: 'run',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['infinity'], resource: ['remoteAction'] } },
		options: [
			{
				name: 'Execute',
				value: 'execute',
				action: 'Execute a remote action',
				description: 'Trigger a remote action on devices',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a remote action',
				description: 'Get the configuration of a remote action by its NQL ID',
			},
			{
				name: 'Get Many',
				value: 'list',
				action: 'Get many remote actions',
				description: 'List the remote actions, one item per action',
			},
		],
		default: 'execute',
	},
	...run.description,
	...execute.description,
	...get.description,
	...list.description,
];
