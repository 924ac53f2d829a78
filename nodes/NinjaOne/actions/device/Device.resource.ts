import type { INodeProperties } from 'n8n-workflow';

import * as approveOrReject from './approveOrReject.operation';
import * as cancelMaintenance from './cancelMaintenance.operation';
import * as getActivities from './getActivities.operation';
import * as getDashboardLink from './getDashboardLink.operation';
import * as list from './list.operation';
import * as reboot from './reboot.operation';
import * as scheduleMaintenance from './scheduleMaintenance.operation';
import * as update from './update.operation';

export const operations = {
	approveOrReject,
	cancelMaintenance,
	getActivities,
	getDashboardLink,
	list,
	reboot,
	scheduleMaintenance,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		options: [
			{
				name: 'Approve or Reject',
				value: 'approveOrReject',
				action: 'Approve or reject devices',
				description: 'Approve or reject devices waiting for approval',
			},
			{
				name: 'Cancel Maintenance',
				value: 'cancelMaintenance',
				action: 'Cancel a device maintenance window',
				description: 'Cancel the pending or active maintenance of a device',
			},
			{
				name: 'Get Activities',
				value: 'getActivities',
				action: 'Get the activities of a device',
				description: 'Read the activity log of one device, newest first, one item per activity',
			},
			{
				name: 'Get Dashboard Link',
				value: 'getDashboardLink',
				action: 'Get a device dashboard link',
				description: 'Get the link to the device in the NinjaOne dashboard',
			},
			{
				name: 'List',
				value: 'list',
				action: 'List devices',
				description: 'List devices, optionally filtered, one item per device',
			},
			{
				name: 'Reboot',
				value: 'reboot',
				action: 'Reboot a device',
				description: 'Send a restart command to a device',
			},
			{
				name: 'Schedule Maintenance',
				value: 'scheduleMaintenance',
				action: 'Schedule a device maintenance window',
				description: 'Suspend alerts, patching, scans or tasks on a device for a time window',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a device',
				description: 'Change display name, user data, role or policy of a device',
			},
		],
		default: 'list',
	},
	...approveOrReject.description,
	...cancelMaintenance.description,
	...getActivities.description,
	...getDashboardLink.description,
	...list.description,
	...reboot.description,
	...scheduleMaintenance.description,
	...update.description,
];
