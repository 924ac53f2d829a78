import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendInBatches } from '../../../shared/batches';
import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { failedWithResult } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import { type NexthinkClient, PORTAL_DEFAULT_TIMEOUT_SECONDS } from '../../transport';
import { devicesField, maxDevicesOption, parametersField, readDevices, readMaxDevices, readParameters } from '../fields';
import { engineFailureMessage, mergeEngineAnswers, readEngineAnswers, type RunAnswer, summarize } from './engineAnswers';

const properties: INodeProperties[] = [
	{
		displayName: 'Remote Action UID',
		name: 'remoteActionUid',
		type: 'string',
		default: '',
		required: true,
		placeholder: '00000000-0000-0000-0000-000000000000',
		description: 'In Finder, right-click the remote action and choose Export > Remote action Uid to clipboard',
	},
	devicesField(
		'deviceUids',
		'Device UIDs',
		'The device_uid of each target device, as Finder or NXQL give it',
		'8c1e5d6a-2f4b-4c1e-9a7d-3b5f0e2c4a61, 0b9f...',
	),
	parametersField(
		'params',
		'Parameters',
		'Inputs of the remote action, sent as a JSON object {name: value}; the Portal ignores names it does not know',
	),
	optionsCollection([
		{
			displayName: 'Engine Database UIDs',
			name: 'engineDatabaseUids',
			type: 'string',
			default: '',
			description:
				'Only these Engines (Engine > List gives their databaseUID), as a list, JSON array or comma-separated text; by default all connected Engines',
		},
		maxDevicesOption(),
		{
			displayName: 'Request UID',
			name: 'requestUid',
			type: 'string',
			default: '',
			description:
				'Identifier of the request in the Portal logs. By default each request gets a new UUID, returned in the result.',
		},
		{
			displayName: 'Portal Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: PORTAL_DEFAULT_TIMEOUT_SECONDS,
			description:
				'How long the Portal waits for the Engines\' answers (its own default is 60). The node waits 30 seconds longer for the Portal, or its Timeout if that is longer.',
		},
		{
			displayName: 'Treat Engine Failures as Errors',
			name: 'treatEngineFailuresAsErrors',
			type: 'boolean',
			default: false,
			description:
				'Whether an Engine that did not answer "ok" fails the item; the result with every Engine\'s answer is kept either way',
		},
	]),
];

export const description = forOperation('remoteAction', 'run', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const remoteActionUid = inputs.text('remoteActionUid', 'Remote Action UID', true)!;
	const deviceUids = readDevices(inputs, 'deviceUids', 'Device UIDs');
	const params = readParameters(inputs, 'params', 'Parameters');
	const engineDatabaseUids = inputs.list('options.engineDatabaseUids', 'Engine Database UIDs');
	const timeoutSeconds = inputs.number('options.timeoutSeconds', 'Portal Timeout (Seconds)', { min: 1, integer: true });
	const requestUid = inputs.text('options.requestUid', 'Request UID', false);
	const maxDevices = readMaxDevices(inputs);
	const strict = inputs.boolean('options.treatEngineFailuresAsErrors');

	const request = (devices: string[], uid: string): IDataObject => ({
		requestUid: uid,
		remoteActionUid,
		deviceUids: devices,
		...(engineDatabaseUids.length > 0 ? { engineDatabaseUids } : {}),
		...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
		...(params ? { params } : {}),
	});
	const resultOf = (runs: Array<RunAnswer & { devices: number }>) => {
		const engines = mergeEngineAnswers(runs);
		return {
			remoteActionUid,
			requestUids: runs.map((run) => run.requestUid),
			devices: runs.reduce((sum, run) => sum + run.devices, 0),
			batches: runs.length,
			engines,
			summary: summarize(engines),
		};
	};

	const runs = await sendInBatches(
		deviceUids,
		maxDevices,
		async (devices) => {
			const uid = requestUid ?? randomUUID();
			const answer = await client.portal.call(this, 'POST', '/api/remoteaction/v2/run', {
				body: request(devices, uid),
				portalTimeoutSeconds: timeoutSeconds ?? PORTAL_DEFAULT_TIMEOUT_SECONDS,
			});
			return { requestUid: uid, engines: readEngineAnswers(answer), devices: devices.length };
		},
		{ node: this.getNode(), noun: 'devices', partialResult: resultOf },
	);
	const result = resultOf(runs);
	const failed = result.summary.failedEngines;
	if (strict && failed.length > 0) throw failedWithResult(this.getNode(), engineFailureMessage(failed, result.engines.length), result);
	return result;
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
