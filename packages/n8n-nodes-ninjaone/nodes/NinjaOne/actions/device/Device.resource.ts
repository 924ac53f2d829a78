import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';
import { ACTIVITY_SUMMARY, ALERT_SUMMARY, DEVICE_SUMMARY } from '../summaries';

import * as approveOrReject from './approveOrReject.operation';
import * as cancelMaintenance from './cancelMaintenance.operation';
import * as getDefinition from './get.operation';
import * as getActivitiesDefinition from './getActivities.operation';
import * as getAlertsDefinition from './getAlerts.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getDashboardLink from './getDashboardLink.operation';
import * as getInventory from './getInventory.operation';
import * as listDefinition from './list.operation';
import * as patch from './patch.operation';
import * as reboot from './reboot.operation';
import * as removeOwner from './removeOwner.operation';
import * as resetPolicyOverrides from './resetPolicyOverrides.operation';
import * as scheduleMaintenance from './scheduleMaintenance.operation';
import * as searchDefinition from './search.operation';
import * as setOwner from './setOwner.operation';
import * as update from './update.operation';
import * as updateCustomFields from './updateCustomFields.operation';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const get = withOutput('device', 'get', getDefinition, DEVICE_SUMMARY);
const getActivities = withOutput('device', 'getActivities', getActivitiesDefinition, ACTIVITY_SUMMARY);
const getAlerts = withOutput('device', 'getAlerts', getAlertsDefinition, ALERT_SUMMARY);
const list = withOutput('device', 'list', listDefinition, DEVICE_SUMMARY);
const search = withOutput('device', 'search', searchDefinition, DEVICE_SUMMARY);

const ownOperations = {
	approveOrReject,
	cancelMaintenance,
	get,
	getActivities,
	getAlerts,
	getCustomFields,
	getDashboardLink,
	getInventory,
	list,
	patch,
	reboot,
	removeOwner,
	resetPolicyOverrides,
	scheduleMaintenance,
	search,
	setOwner,
	update,
	updateCustomFields,
};

const ownDescription: INodeProperties[] = [
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
				name: 'Get',
				value: 'get',
				action: 'Get a device',
				description: 'Get one device in full',
			},
			{
				name: 'Get Activities',
				value: 'getActivities',
				action: 'Get the activities of a device',
				description: 'Read the activity log of one device, newest first, one item per activity',
			},
			{
				name: 'Get Alerts',
				value: 'getAlerts',
				action: 'Get the alerts of a device',
				description: 'List the device\'s active alerts, one item per alert',
			},
			{
				name: 'Get Custom Fields',
				value: 'getCustomFields',
				action: 'Get the custom fields of a device',
				description: 'Get the device\'s custom field values as one object',
			},
			{
				name: 'Get Dashboard Link',
				value: 'getDashboardLink',
				action: 'Get a device dashboard link',
				description: 'Get the link to the device in the NinjaOne dashboard',
			},
			{
				name: 'Get Inventory',
				value: 'getInventory',
				action: 'Get inventory of a device',
				description: 'Read disks, volumes, software, patches, jobs and more of a device',
			},
			{
				name: 'Get Many',
				value: 'list',
				action: 'Get many devices',
				description: 'List devices, optionally filtered, one item per device',
			},
			{
				name: 'Patch',
				value: 'patch',
				action: 'Scan for or apply patches on a device',
				description: 'Scan for or apply operating system or software patches now',
			},
			{
				name: 'Reboot',
				value: 'reboot',
				action: 'Reboot a device',
				description: 'Send a restart command to a device',
			},
			{
				name: 'Remove Owner',
				value: 'removeOwner',
				action: 'Remove the owner of a device',
				description: 'Remove the user assigned as the device\'s owner',
			},
			{
				name: 'Reset Policy Overrides',
				value: 'resetPolicyOverrides',
				action: 'Reset the policy overrides of a device',
				description: 'Remove every policy override of the device',
			},
			{
				name: 'Schedule Maintenance',
				value: 'scheduleMaintenance',
				action: 'Schedule a device maintenance window',
				description: 'Suspend alerts, patching, scans or tasks on a device for a time window',
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search devices',
				description: 'Find devices by name, logged-on user, IP or MAC address, one item per device',
			},
			{
				name: 'Set Owner',
				value: 'setOwner',
				action: 'Set the owner of a device',
				description: 'Assign a technician or end user as the device\'s owner',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a device',
				description: 'Change display name, user data, role or policy of a device',
			},
			{
				name: 'Update Custom Fields',
				value: 'updateCustomFields',
				action: 'Update the custom fields of a device',
				description: 'Write custom field values; the result says which were written and which NinjaOne refused',
			},
		],
		default: 'list',
	},
	...approveOrReject.description,
	...cancelMaintenance.description,
	...get.description,
	...getActivities.description,
	...getAlerts.description,
	...getCustomFields.description,
	...getDashboardLink.description,
	...getInventory.description,
	...list.description,
	...patch.description,
	...reboot.description,
	...removeOwner.description,
	...resetPolicyOverrides.description,
	...scheduleMaintenance.description,
	...search.description,
	...setOwner.description,
	...update.description,
	...updateCustomFields.description,
];

const own = { operations: ownOperations, description: ownDescription };

export const { operations, description } = withApiCalls(own, api);
