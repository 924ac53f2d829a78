// Generated from common/descriptions.ts by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_INTERVAL } from './router';

/** n8n's default for every Limit parameter. */
export const DEFAULT_LIMIT = 50;

/** The throttle, shown for every operation of both nodes. */
export const requestIntervalProperty: INodeProperties = {
	displayName: 'Request Interval (Milliseconds)',
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

/**
 * Return All / Limit for a list operation shown by `show`. `returnAllByDefault` suits lists whose
 * users expect everything (NinjaRMM's device list returned up to 100,000 by default), in
 * workflows; the tool variant still defaults to Limit.
 */
export function returnAllOrLimit(
	show: Record<string, string[]>,
	{ returnAllByDefault = false, maxLimit }: { returnAllByDefault?: boolean; maxLimit?: number } = {},
): INodeProperties[] {
	const returnAll: INodeProperties = {
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	};
	// An agent's tool answers with the first page (Limit) even where workflows get everything.
	const returnAllProperties = returnAllByDefault
		? [
				{ ...returnAll, default: true, displayOptions: { show: { ...show, '@tool': [false] } } },
				{ ...returnAll, displayOptions: { show: { ...show, '@tool': [true] } } },
			]
		: [returnAll];
	return [
		...returnAllProperties,
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
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
