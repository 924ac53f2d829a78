import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';
import { ALERT_SUMMARY } from '../summaries';

import * as listActiveDefinition from './listActive.operation';
import * as reset from './reset.operation';
import * as resetWithActivityData from './resetWithActivityData.operation';

const listActive = withOutput('alert', 'listActive', listActiveDefinition, ALERT_SUMMARY);

export const operations = { listActive, reset, resetWithActivityData };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['alert'] } },
		options: [
			{
				name: 'Get Many Active',
				value: 'listActive',
				action: 'Get many active alerts',
				description: 'List active alerts (triggered conditions), one item per alert',
			},
			{
				name: 'Reset',
				value: 'reset',
				action: 'Reset an alert',
				description: 'Reset an alert (condition) so that it leaves the active alerts',
			},
			{
				name: 'Reset With Activity Data',
				value: 'resetWithActivityData',
				action: 'Reset an alert with activity data',
				description: 'Reset an alert and record custom data in the activity NinjaOne logs for it',
			},
		],
		default: 'listActive',
	},
	...listActive.description,
	...reset.description,
	...resetWithActivityData.description,
];
