import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';

import * as execute from './execute.operation';
import * as executeByExternalIds from './executeByExternalIds.operation';
import * as get from './get.operation';
import * as getManyDefinition from './getMany.operation';
import * as resume from './resume.operation';

const getMany = withOutput('workflow', 'getMany', getManyDefinition);

export const operations = { execute, executeByExternalIds, get, getMany, resume };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['infinity'], resource: ['workflow'] } },
		options: [
			{
				name: 'Execute',
				value: 'execute',
				action: 'Execute a workflow',
				description: 'Trigger a workflow on devices by Collector ID and/or users by SID',
			},
			{
				name: 'Execute by External IDs',
				value: 'executeByExternalIds',
				action: 'Execute a workflow by external identifiers',
				description: 'Trigger a workflow on devices by name, Collector UID or UID, and/or users by SID, UPN or UID',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workflow',
				description: 'Get the configuration of a workflow by its NQL ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many workflows',
				description: 'List workflows by dependency and trigger method, one item per workflow',
			},
			{
				name: 'Resume a Waiting Execution',
				value: 'resume',
				action: 'Resume a waiting workflow execution',
				description: 'Trigger the "wait for event" step an execution is waiting at',
			},
		],
		default: 'execute',
	},
	...execute.description,
	...executeByExternalIds.description,
	...get.description,
	...getMany.description,
	...resume.description,
];
