import type { INodeProperties } from 'n8n-workflow';

import type { ItemInputs } from '../../../shared/inputs';
import { parametersField, readParameters } from '../fields';

/** Nexthink's rule for the ID of an NQL API query. */
const QUERY_ID = /^#[a-z0-9_]{2,255}$/;

/** The saved query and its parameters, as Execute Query and Export take them. */
export const queryProperties: INodeProperties[] = [
	{
		displayName: 'Query ID',
		name: 'queryId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '#my_query',
		description: 'The ID of a query saved under Administration > NQL API queries in Nexthink',
	},
	parametersField(
		'parameters',
		'Query Parameters',
		'Values for the query\'s parameters ($name in the NQL), sent as a JSON object {name: value} of texts',
	),
];

/** The request body's queryId and parameters. */
export function readQuery(inputs: ItemInputs): { queryId: string; parameters?: Record<string, string> } {
	const queryId = inputs.text('queryId', 'Query ID', true)!;
	if (!QUERY_ID.test(queryId)) {
		inputs.fail('Query ID', `must be # followed by 2 to 255 lowercase letters, digits or underscores, got "${queryId}"`);
	}
	const parameters = readParameters(inputs, 'parameters', 'Query Parameters');
	return parameters ? { queryId, parameters } : { queryId };
}
