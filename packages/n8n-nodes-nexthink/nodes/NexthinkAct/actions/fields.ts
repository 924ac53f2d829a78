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

/** A list parameter's description: what it holds, then how it may be given. */
export const listDescription = (what: string): string =>
	`${what} A list from an expression, a JSON array, or text separated by commas or new lines; duplicates are sent once.`;

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
	description: listDescription(`${description}.`),
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

/** An Infinity object named by its NQL ID: picked from a list the API gives, or typed. */
export const nqlIdLocator = (
	name: string,
	displayName: string,
	searchListMethod: string,
	example: string,
	hint: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: `${hint}, such as ${example}`,
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod, searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: example, hint },
	],
});

/** The NQL ID a locator holds, whichever mode it is in. */
export function readNqlId(inputs: ItemInputs, name: string, label: string, example: string): string {
	const value = inputs.ctx.getNodeParameter(name, inputs.itemIndex, '', { extractValue: true });
	const id = typeof value === 'string' ? value.trim() : '';
	if (id === '') inputs.fail(label, `is required: choose one from the list or enter its NQL ID, such as ${example}`);
	return id;
}

/** Nexthink's identifier patterns, as the Workflows and Enrichment specifications give them. */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const USER_SID = /^S(-\d+){2,10}$|^0$/;
export const USER_UPN = /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$/;

/** A list of identifiers, each once, each checked against `pattern`. */
export function readIdentifiers(
	inputs: ItemInputs,
	name: string,
	label: string,
	pattern?: { regex: RegExp; what: string },
): string[] {
	const values = [...new Set(inputs.list(name, label))];
	if (pattern) {
		const bad = values.find((value) => !pattern.regex.test(value));
		if (bad !== undefined) inputs.fail(label, `"${bad.slice(0, 80)}" is not ${pattern.what}`);
	}
	return values;
}

/** How many entries one request may carry: the API's cap, lowered by the user's option. */
export const maxPerRequestOption = (noun: string, cap: number): INodeProperties => ({
	displayName: `Max ${noun} per Request`,
	name: 'maxPerRequest',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: cap },
	default: cap,
	description: `More ${noun.toLowerCase()} than this are split into several requests, sent one after the other under the request interval, and their answers merged into one result`,
});

export function readMaxPerRequest(inputs: ItemInputs, noun: string, cap: number): number {
	return inputs.number('options.maxPerRequest', `Max ${noun} per Request`, { min: 1, max: cap, integer: true }) ?? cap;
}
