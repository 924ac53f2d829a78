import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_INTERVAL } from './router';

/** The throttle, shown for every operation of both nodes. */
export const requestIntervalProperty: INodeProperties = {
	// The unit is part of the name the issue and the seed give this option.
	// eslint-disable-next-line n8n-nodes-base/node-param-display-name-miscased
	displayName: 'Request Interval (ms)',
	name: 'requestInterval',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: DEFAULT_INTERVAL,
	description:
		'Time between consecutive API requests of this node in one execution, items and pages alike. The wait covers only what remains after the previous request started, so slow answers are not slowed down further.',
};

/** The longest one request may take, shown for every operation of both nodes. */
export const requestTimeoutProperty: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 60,
	description:
		'How long to wait for one API answer before giving up on it. Reads are retried after a timeout; writes are not, since the API may have carried them out.',
};

/** Return All / Limit for a list operation shown by `show`. */
export function returnAllOrLimit(
	show: Record<string, string[]>,
	defaultLimit = 50,
	maxLimit?: number,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			// Each list chooses its own default (NinjaRMM's device list: 100000).
			// eslint-disable-next-line n8n-nodes-base/node-param-default-wrong-for-limit
			default: defaultLimit,
			description: 'Max number of results to return',
		},
	];
}

/** The collections operations use, by parameter name: their label and their "add" button. */
const COLLECTIONS = {
	additionalFields: ['Additional Fields', 'Add Field'],
	updateFields: ['Update Fields', 'Add Field'],
	filters: ['Filters', 'Add Filter'],
	options: ['Options', 'Add Option'],
} as const;

/** A collection of optional parameters that the user adds one by one. */
export function collection(name: keyof typeof COLLECTIONS, options: INodeProperties[]): INodeProperties {
	const [displayName, placeholder] = COLLECTIONS[name];
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

/** The "Options" collection of an operation. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collection('options', options);
}
