import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { parametersField, readParameters } from '../fields';

/** Nexthink's rule for the ID of an NQL API query. */
const QUERY_ID = /^#[a-z0-9_]{2,255}$/;

const properties: INodeProperties[] = [
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
	optionsCollection([
		{
			displayName: 'Times in UTC',
			name: 'utcTimes',
			type: 'boolean',
			default: true,
			description: 'Whether date-times come in UTC; otherwise in the instance\'s regional time zone',
		},
	]),
];

export const description = forOperation('nql', 'executeQuery', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const queryId = inputs.text('queryId', 'Query ID', true)!;
	if (!QUERY_ID.test(queryId)) {
		inputs.fail('Query ID', `must be # followed by 2 to 255 lowercase letters, digits or underscores, got "${queryId}"`);
	}
	const parameters = readParameters(inputs, 'parameters', 'Query Parameters');
	const utc = inputs.raw('options.utcTimes', true) !== false;
	const answer = await client.infinity.call(this, 'POST', '/api/v2/nql/execute', {
		body: parameters ? { queryId, parameters } : { queryId },
		headers: { 'x-utc-times': String(utc) },
	});
	const data = isJsonObject(answer) ? answer.data ?? [] : undefined;
	if (!Array.isArray(data)) throw new Error(`Nexthink Infinity answered query ${queryId} without a list of rows`);
	return rows(data);
}
