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
import { searchEngines, searchRemoteActions, searchWorkflows } from './methods/listSearch';
import { INFINITY_CREDENTIAL, nexthinkClient, PORTAL_CREDENTIAL } from './transport';

/** Every parameter of the node, both variants. */
const parameters: INodeProperties[] = [
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Infinity',
				value: 'infinity',
				description: 'Nexthink Infinity (cloud): Remote Actions, Workflows, Campaigns, Enrichment and NQL APIs',
			},
			{ name: 'Classic Portal', value: 'portal', description: 'A Nexthink V6 Portal: Act API v2, List Engines API and NXQL on its Engines' },
		],
		default: 'infinity',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['infinity'] } },
		options: [
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Enrichment', value: 'enrichment' },
			{ name: 'NQL', value: 'nql' },
			{ name: 'Remote Action', value: 'remoteAction' },
			{ name: 'Workflow', value: 'workflow' },
		],
		default: 'remoteAction',
	},
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { api: ['portal'] } },
		options: [
			{ name: 'Engine', value: 'engine' },
			{ name: 'NXQL', value: 'nxql' },
			{ name: 'Remote Action', value: 'remoteAction' },
		],
		default: 'remoteAction',
	},
	...resources.campaign.description,
	...resources.engine.description,
	...resources.enrichment.description,
	...resources.nql.description,
	...resources.nxql.description,
	...resources.remoteAction.description,
	...resources.workflow.description,
	requestIntervalProperty,
	requestTimeoutProperty,
];

export class NexthinkAct implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexthink Act',
		name: 'nexthinkAct',
		icon: { light: 'file:nexthink.svg', dark: 'file:nexthink.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Trigger Nexthink remote actions, workflows and campaigns, enrich fields and run or export NQL queries, on Nexthink Infinity or a classic Portal (NXQL on its Engines)',
		defaults: { name: 'Nexthink Act' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: PORTAL_CREDENTIAL, required: true, displayOptions: { show: { api: ['portal'] } } },
			{ name: INFINITY_CREDENTIAL, required: true, displayOptions: { show: { api: ['infinity'] } } },
		],
		// The tool variant's Tool Description, one per operation, before the parameters (as n8n places its own).
		properties: [...toolDescriptions(parameters, operations), ...parameters],
	};

	methods = { listSearch: { searchEngines, searchRemoteActions, searchWorkflows } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, operations, nexthinkClient);
	}
}
