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
			{ name: 'Asset Relationship', value: 'assetRelationship' },
			{ name: 'Asset Tag', value: 'assetTag' },
			{ name: 'Backup', value: 'backup' },
			{ name: 'Billing Account', value: 'billingAccount' },
			{ name: 'Billing Agreement', value: 'billingAgreement' },
			{ name: 'Billing Invoice', value: 'billingInvoice' },
			{ name: 'Billing Product', value: 'billingProduct' },
			{ name: 'Checklist Template', value: 'checklistTemplate' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Custom Field', value: 'customField' },
			{ name: 'Custom Tab', value: 'customTab' },
			{ name: 'Device', value: 'device' },
			{ name: 'Device Role', value: 'deviceRole' },
			{ name: 'Document Template', value: 'documentTemplate' },
			{ name: 'End User', value: 'endUser' },
			{ name: 'Group', value: 'group' },
			{ name: 'Installer', value: 'installer' },
			{ name: 'Job', value: 'job' },
			{ name: 'Knowledge Base Article', value: 'knowledgeBaseArticle' },
			{ name: 'Knowledge Base Folder', value: 'knowledgeBaseFolder' },
			{ name: 'Location', value: 'location' },
			{ name: 'Node Role', value: 'nodeRole' },
			{ name: 'Notification Channel', value: 'notificationChannel' },
			{ name: 'Organization', value: 'organization' },
			{ name: 'Organization Checklist', value: 'organizationChecklist' },
			{ name: 'Organization Document', value: 'organizationDocument' },
			{ name: 'Policy', value: 'policy' },
			{ name: 'Policy Condition', value: 'policyCondition' },
			{ name: 'Related Item', value: 'relatedItem' },
			{ name: 'Report', value: 'report' },
			{ name: 'Script', value: 'script' },
			{ name: 'Software License', value: 'softwareLicense' },
			{ name: 'Software Product', value: 'softwareProduct' },
			{ name: 'Staged Device', value: 'stagedDevice' },
			{ name: 'Task', value: 'task' },
			{ name: 'Technician', value: 'technician' },
			{ name: 'Ticket', value: 'ticket' },
			{ name: 'Ticket Billing', value: 'ticketBilling' },
			{ name: 'Unmanaged Device', value: 'unmanagedDevice' },
			{ name: 'User', value: 'user' },
			{ name: 'User Role', value: 'userRole' },
			{ name: 'Vulnerability Scan Group', value: 'vulnerabilityScanGroup' },
			{ name: 'Webhook', value: 'webhook' },
			{ name: 'Windows Service', value: 'windowsService' },
		],
		default: 'device',
	},
	...resources.activity.description,
	...resources.alert.description,
	...resources.assetRelationship.description,
	...resources.assetTag.description,
	...resources.backup.description,
	...resources.billingAccount.description,
	...resources.billingAgreement.description,
	...resources.billingInvoice.description,
	...resources.billingProduct.description,
	...resources.checklistTemplate.description,
	...resources.contact.description,
	...resources.customField.description,
	...resources.customTab.description,
	...resources.device.description,
	...resources.deviceRole.description,
	...resources.documentTemplate.description,
	...resources.endUser.description,
	...resources.group.description,
	...resources.installer.description,
	...resources.job.description,
	...resources.knowledgeBaseArticle.description,
	...resources.knowledgeBaseFolder.description,
	...resources.location.description,
	...resources.nodeRole.description,
	...resources.notificationChannel.description,
	...resources.organization.description,
	...resources.organizationChecklist.description,
	...resources.organizationDocument.description,
	...resources.policy.description,
	...resources.policyCondition.description,
	...resources.relatedItem.description,
	...resources.report.description,
	...resources.script.description,
	...resources.softwareLicense.description,
	...resources.softwareProduct.description,
	...resources.stagedDevice.description,
	...resources.task.description,
	...resources.technician.description,
	...resources.ticket.description,
	...resources.ticketBilling.description,
	...resources.unmanagedDevice.description,
	...resources.user.description,
	...resources.userRole.description,
	...resources.vulnerabilityScanGroup.description,
	...resources.webhook.description,
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
			'Manage NinjaOne (formerly NinjaRMM): organizations, devices, tickets, alerts, reports, IT documentation, assets, backup, billing and the rest of its public API',
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
