import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestIntervalProperty, requestTimeoutProperty } from '../shared/descriptions';
import { runOperations } from '../shared/router';
import { toolDescriptions } from '../shared/tools';
import { operations, resources } from './actions/operations';
import { searchDevices, searchLocations, searchOrganizations, searchPolicies } from './methods/listSearch';
import { ticketingListSearch, ticketingLoadOptions } from './methods/ticketing';
import { CREDENTIAL_TYPE, ninjaOneClient } from './transport';

/** Every parameter of the node, both variants. */
const parameters: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Activity', value: 'activity' },
			{ name: 'Alert', value: 'alert' },
			{ name: 'Custom Field', value: 'customField' },
			{ name: 'Device', value: 'device' },
			{ name: 'Device Role', value: 'deviceRole' },
			{ name: 'Group', value: 'group' },
			{ name: 'Installer', value: 'installer' },
			{ name: 'Location', value: 'location' },
			{ name: 'Organization', value: 'organization' },
			{ name: 'Policy', value: 'policy' },
			{ name: 'Report', value: 'report' },
			{ name: 'Script', value: 'script' },
			{ name: 'Ticket', value: 'ticket' },
			{ name: 'User', value: 'user' },
			{ name: 'Windows Service', value: 'windowsService' },
		],
		default: 'device',
	},
	...resources.activity.description,
	...resources.alert.description,
	...resources.customField.description,
	...resources.device.description,
	...resources.deviceRole.description,
	...resources.group.description,
	...resources.installer.description,
	...resources.location.description,
	...resources.organization.description,
	...resources.policy.description,
	...resources.report.description,
	...resources.script.description,
	...resources.ticket.description,
	...resources.user.description,
	...resources.windowsService.description,
	requestIntervalProperty,
	requestTimeoutProperty,
];

export class NinjaOne implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'NinjaOne',
		name: 'ninjaOne',
		icon: { light: 'file:ninjaone.svg', dark: 'file:ninjaone.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Manage NinjaOne (formerly NinjaRMM) organizations, devices, custom fields, tickets, alerts, activities, reports, services, scripts and installers',
		defaults: { name: 'NinjaOne' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		// The tool variant's Tool Description, one per operation, before the parameters (as n8n places its own).
		properties: [...toolDescriptions(parameters, operations), ...parameters],
	};

	methods = {
		loadOptions: { ...ticketingLoadOptions },
		listSearch: { ...ticketingListSearch, searchDevices, searchLocations, searchOrganizations, searchPolicies },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, operations, ninjaOneClient);
	}
}
