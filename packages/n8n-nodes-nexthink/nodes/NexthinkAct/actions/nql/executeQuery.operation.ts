import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { queryProperties, readQuery } from './query';

const properties: INodeProperties[] = [
	...queryProperties,
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
	const body = readQuery(inputs);
	const utc = inputs.raw('options.utcTimes', true) !== false;
	const answer = await client.infinity.call(this, 'POST', '/api/v2/nql/execute', {
		body,
		headers: { 'x-utc-times': String(utc) },
		// A query reads and changes nothing: safe to send again after a 5xx or a dropped connection.
		idempotent: true,
	});
	const data = isJsonObject(answer) ? answer.data ?? [] : undefined;
	if (!Array.isArray(data)) throw new Error(`Nexthink Infinity answered query ${body.queryId} without a list of rows`);
	return rows(data);
}
