import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { type ItemInputs, show } from '../../shared/inputs';

/** Name/value pairs, sent as a JSON object {name: value}. */
export const parametersField = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	description,
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

/** The pairs as a map of texts; undefined when there are none. */
export function readParameters(inputs: ItemInputs, name: string, label: string): Record<string, string> | undefined {
	const pairs = inputs.raw(`${name}.parameter`, []);
	if (!Array.isArray(pairs) || pairs.length === 0) return undefined;
	const map: Record<string, string> = {};
	pairs.forEach((pair: IDataObject, i) => {
		const key = String(pair?.name ?? '').trim();
		if (key === '') inputs.fail(label, `parameter ${i + 1} has no name`);
		if (key in map) inputs.fail(label, `parameter "${key}" is given twice`);
		const value = pair.value ?? '';
		if (typeof value === 'object') inputs.fail(label, `the value of "${key}" must be text, got ${show(value)}`);
		map[key] = String(value);
	});
	return map;
}

export const devicesField = (
	name: string,
	displayName: string,
	description: string,
	placeholder: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	required: true,
	placeholder,
	description: `${description}. A list from an expression, a JSON array, or text separated by commas or new lines; duplicates are sent once.`,
});

/** At least one device, each once, in the order given. */
export function readDevices(inputs: ItemInputs, name: string, label: string): string[] {
	const devices = [...new Set(inputs.list(name, label))];
	if (devices.length === 0) inputs.fail(label, 'at least one device is required');
	return devices;
}

export const DEFAULT_MAX_DEVICES = 10_000;

export const maxDevicesOption = (maxValue?: number): INodeProperties => ({
	displayName: 'Max Devices per Request',
	name: 'maxDevicesPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
	default: DEFAULT_MAX_DEVICES,
	description:
		'More devices than this are split into several requests, sent one after the other under the request interval, and their answers merged into one result',
});

export function readMaxDevices(inputs: ItemInputs, max?: number): number {
	const range = { min: 1, max, integer: true };
	return inputs.number('options.maxDevicesPerRequest', 'Max Devices per Request', range) ?? DEFAULT_MAX_DEVICES;
}
