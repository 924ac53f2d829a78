import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { type ItemInputs, parseIsoDate } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

const FEATURES = ['ALERTS', 'PATCHING', 'AVSCANS', 'TASKS'] as const;
/** NinjaOne's spec types start/end as numbers but reads an ISO 8601 string or epoch milliseconds. */
const TIME_FORMATS = ['iso', 'seconds', 'milliseconds'] as const;

const properties: INodeProperties[] = [
	deviceIdField(),
	{
		displayName: 'Disabled Features',
		name: 'disabledFeatures',
		type: 'multiOptions',
		options: [
			{ name: 'Alerts', value: 'ALERTS' },
			{ name: 'Antivirus Scans', value: 'AVSCANS' },
			{ name: 'Patching', value: 'PATCHING' },
			{ name: 'Tasks', value: 'TASKS' },
		],
		default: ['ALERTS'],
		required: true,
		description:
			'What NinjaOne suspends during the window. An expression may return an array or a JSON array such as ["ALERTS", "PATCHING"].',
	},
	{
		displayName: 'Start',
		name: 'start',
		type: 'string',
		default: '',
		placeholder: '2017-07-16T00:00:00-04:00',
		description:
			'ISO 8601 date-time; without an offset it is read in the workflow\'s time zone. Leave empty to start now.',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'string',
		default: '',
		required: true,
		placeholder: '2017-07-16T06:00:00-04:00',
		description: 'ISO 8601 date-time, after the start',
	},
	optionsCollection([
		{
			displayName: 'Reason',
			name: 'reasonMessage',
			type: 'string',
			default: '',
			description: 'Why the device is in maintenance',
		},
		{
			displayName: 'Time Format',
			name: 'timeFormat',
			type: 'options',
			options: [
				{ name: 'Epoch Milliseconds', value: 'milliseconds' },
				{ name: 'Epoch Seconds', value: 'seconds' },
				{ name: 'ISO 8601', value: 'iso' },
			],
			default: 'iso',
			description:
				'How start and end are sent. ISO 8601 (UTC, e.g. 2026-07-16T04:00:00.000Z) carries no unit to get wrong; an epoch number read in the wrong unit puts the window in 1970 or thousands of years ahead.',
		},
	]),
];

export const description = forOperation('device', 'scheduleMaintenance', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const features = inputs.list('disabledFeatures', 'Disabled Features').map((value) => {
		const feature = FEATURES.find((f) => f === value.toUpperCase());
		if (!feature) inputs.fail('Disabled Features', `"${value}" is not one of ${FEATURES.join(', ')}`);
		return feature;
	});
	if (features.length === 0) inputs.fail('Disabled Features', `choose at least one of ${FEATURES.join(', ')}`);
	const timeZone = this.getTimezone();
	const startText = inputs.text('start', 'Start', false);
	const start = startText === undefined ? undefined : parseIsoDate(inputs, startText, 'Start', timeZone);
	const end = parseIsoDate(inputs, inputs.text('end', 'End', true), 'End', timeZone);
	if (end <= (start ?? Date.now())) {
		inputs.fail('End', start === undefined ? 'must be in the future' : 'must be after Start');
	}
	const format = inputs.choice('options.timeFormat', 'Time Format', TIME_FORMATS, false) ?? 'iso';
	const epoch = (ms: number) => (format === 'iso' ? new Date(ms).toISOString() : format === 'milliseconds' ? ms : ms / 1000);

	const body: IDataObject = { disabledFeatures: [...new Set(features)], end: epoch(end) };
	if (start !== undefined) body.start = epoch(start);
	const reason = inputs.text('options.reasonMessage', 'Reason', false);
	if (reason !== undefined) body.reasonMessage = reason;
	const answer = await client.call(this, 'PUT', `/v2/device/${id}/maintenance`, { body });
	return (
		answer ?? {
			deviceId: id,
			disabledFeatures: body.disabledFeatures,
			start: new Date(start ?? Date.now()).toISOString(),
			end: new Date(end).toISOString(),
			sent: body,
		}
	);
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
