import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sendInBatches } from '../../../shared/batches';
import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { devicesField, maxDevicesOption, parametersField, readDevices, readMaxDevices, readParameters } from '../fields';
import { readRemoteActionId, remoteActionLocator } from './remoteActionLocator';

/** Infinity takes at most this many devices per request. */
const MAX_DEVICES = 10_000;
const MAX_REASON = 500;

const properties: INodeProperties[] = [
	remoteActionLocator,
	devicesField(
		'devices',
		'Devices (Collector IDs)',
		'The Collector ID of each target device (NQL: device.collector.uid)',
		'6b5e8a04-9c1d-4f2e-8a3b-7d0c2e4f6a18, 1f2d...',
	),
	parametersField('params', 'Parameters', 'Inputs of the remote action\'s script, sent as a JSON object {name: value} of texts'),
	optionsCollection([
		{
			displayName: 'Expires In (Minutes)',
			name: 'expiresInMinutes',
			type: 'number',
			typeOptions: { minValue: 60, maxValue: 10080 },
			default: 60,
			description: 'How long the execution waits for an offline device to come online, from 60 minutes to 7 days (10,080)',
		},
		{
			displayName: 'External Reference',
			name: 'externalReference',
			type: 'string',
			default: '',
			placeholder: 'INC0012345',
			description: 'The ticket or other reference this execution is for, recorded with it in Nexthink',
		},
		{
			displayName: 'External Source',
			name: 'externalSource',
			type: 'string',
			default: 'n8n',
			description: 'The tool recorded as the trigger of the execution',
		},
		maxDevicesOption(MAX_DEVICES),
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'string',
			default: '',
			description: 'Why the remote action is triggered, up to 500 characters, recorded with the execution',
		},
	]),
];

export const description = forOperation('remoteAction', 'execute', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const remoteActionId = readRemoteActionId(inputs);
	const devices = readDevices(inputs, 'devices', 'Devices');
	const params = readParameters(inputs, 'params', 'Parameters');
	const expiresInMinutes = inputs.number('options.expiresInMinutes', 'Expires In (Minutes)', {
		min: 60,
		max: 10080,
		integer: true,
	});
	const triggerInfo = readTriggerInfo(inputs);
	const maxDevices = readMaxDevices(inputs, MAX_DEVICES);

	const resultOf = (answers: Array<{ requestId?: string; expiresInMinutes?: number; devices: number }>) => ({
		remoteActionId,
		requestIds: answers.flatMap((answer) => (answer.requestId ? [answer.requestId] : [])),
		devices: answers.reduce((sum, answer) => sum + answer.devices, 0),
		batches: answers.length,
		expiresInMinutes: answers[0]?.expiresInMinutes ?? expiresInMinutes ?? null,
		triggerInfo,
	});
	const answers = await sendInBatches(
		devices,
		maxDevices,
		async (batch) => {
			const body: IDataObject = { remoteActionId, devices: batch, triggerInfo };
			if (params) body.params = params;
			if (expiresInMinutes !== undefined) body.expiresInMinutes = expiresInMinutes;
			const answer = await client.infinity.call(this, 'POST', '/api/v1/act/execute', { body });
			return {
				requestId: isJsonObject(answer) && typeof answer.requestId === 'string' ? answer.requestId : undefined,
				expiresInMinutes: isJsonObject(answer) && typeof answer.expiresInMinutes === 'number' ? answer.expiresInMinutes : undefined,
				devices: batch.length,
			};
		},
		{ node: this.getNode(), noun: 'devices', partialResult: resultOf },
	);
	return resultOf(answers);
}

function readTriggerInfo(inputs: ItemInputs): IDataObject {
	const reason = inputs.text('options.reason', 'Reason', false);
	if (reason !== undefined && reason.length > MAX_REASON) {
		inputs.fail('Reason', `is ${reason.length} characters long; Nexthink takes at most ${MAX_REASON}`);
	}
	const externalReference = inputs.text('options.externalReference', 'External Reference', false);
	return {
		externalSource: inputs.text('options.externalSource', 'External Source', false) ?? 'n8n',
		...(reason !== undefined ? { reason } : {}),
		...(externalReference !== undefined ? { externalReference } : {}),
	};
}

/** It acts on devices or people: the tool variant says so to the agent. */
export const changesState = true;
