import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject, rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { parseCsv } from './csv';
import { queryProperties, readQuery } from './query';

const DEFAULT_CHECK_SECONDS = 2;
const DEFAULT_MAX_WAIT_MINUTES = 60;

const properties: INodeProperties[] = [
	...queryProperties,
	optionsCollection([
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_WAIT_MINUTES,
			description: 'How long to wait for the export to complete before the item fails',
		},
		{
			displayName: 'Status Check Interval (Seconds)',
			name: 'statusCheckSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_CHECK_SECONDS,
			description:
				'Time between two checks of the export\'s status; never shorter than the request interval. Nexthink counts status checks against a daily limit.',
		},
	]),
];

export const description = forOperation('nql', 'export', properties);

/**
 * Starts the export, checks its status until it is complete, downloads the results file (CSV)
 * from the link the status gives, and returns one item per row.
 */
export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const body = readQuery(inputs);
	const checkSeconds = inputs.number('options.statusCheckSeconds', 'Status Check Interval (Seconds)', { min: 0, max: 3600 });
	const maxWaitMinutes = inputs.number('options.maxWaitMinutes', 'Max Wait (Minutes)', { min: 1, max: 24 * 60 });

	const started = await client.infinity.call(this, 'POST', '/api/v1/nql/export', { body });
	const exportId = isJsonObject(started) && typeof started.exportId === 'string' ? started.exportId : '';
	if (exportId === '') throw new Error(`Nexthink Infinity started the export of query ${body.queryId} without giving its export ID`);

	// Each status check, a retried one too, starts at least the Status Check Interval (and the
	// request interval) after the request before it, as the API sees them.
	const interval = (checkSeconds ?? DEFAULT_CHECK_SECONDS) * 1000;
	const deadline = Date.now() + (maxWaitMinutes ?? DEFAULT_MAX_WAIT_MINUTES) * 60_000;
	for (;;) {
		const answer = await client.infinity.send(this, 'GET', `/api/v1/nql/status/${encodeURIComponent(exportId)}`, { interval });
		const status = isJsonObject(answer.body) ? answer.body : {};
		if (status.status === 'COMPLETED') {
			if (typeof status.resultsFileUrl !== 'string' || status.resultsFileUrl === '') {
				throw new Error(`Nexthink Infinity completed export ${exportId} of query ${body.queryId} without a results file link`);
			}
			const records = parseCsv(await client.infinity.download(this, status.resultsFileUrl));
			if (answer.statusCode === 206) {
				this.addExecutionHints?.({
					message: `Export of ${body.queryId}: the results stop at ${records.length} rows, the most the Nexthink license allows`,
					location: 'outputPane',
				});
			}
			return rows(records);
		}
		if (status.status === 'ERROR') {
			const why = typeof status.errorDescription === 'string' && status.errorDescription !== '' ? status.errorDescription : 'no reason given';
			throw new Error(`Nexthink Infinity could not export query ${body.queryId} (export ${exportId}): ${why}`);
		}
		if (Date.now() >= deadline) {
			throw new Error(
				`The export of query ${body.queryId} (export ${exportId}) was still ${String(status.status ?? 'unfinished')} after ${maxWaitMinutes ?? DEFAULT_MAX_WAIT_MINUTES} minutes: raise "Max Wait (Minutes)" or narrow the query`,
			);
		}
	}
}
