import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { collection } from '../../shared/descriptions';
import { type ItemInputs, parseIsoDate } from '../../shared/inputs';

/* The query filters NinjaOne's inventory reads and reports share, by query parameter: one
   definition each, offered per endpoint as the spec lists them. */

type FilterKind = 'text' | 'date' | 'boolean' | 'options';

interface FilterDefinition {
	displayName: string;
	kind: FilterKind;
	description: string;
	placeholder?: string;
	options?: Array<{ name: string; value: string }>;
}

const SERVICE_STATES = ['CONTINUE_PENDING', 'PAUSE_PENDING', 'PAUSED', 'RUNNING', 'START_PENDING', 'STOP_PENDING', 'STOPPED', 'UNKNOWN'];

const FILTERS = {
	fields: { displayName: 'Fields', kind: 'text', description: 'Only these custom fields: their API names, comma-separated', placeholder: 'assetTag,warrantyMonths' },
	health: { displayName: 'Health Status', kind: 'text', description: 'Only devices in this health state, e.g. UNHEALTHY', placeholder: 'UNHEALTHY' },
	impact: { displayName: 'Impact', kind: 'text', description: 'Only patches of this impact, e.g. CRITICAL or RECOMMENDED', placeholder: 'CRITICAL' },
	include: {
		displayName: 'Include',
		kind: 'options',
		description: 'Additional information to include',
		options: [{ name: 'BitLocker Status', value: 'bl' }],
	},
	includeDeletedDevices: { displayName: 'Include Deleted Devices', kind: 'boolean', description: 'Whether to include devices that were deleted' },
	installedAfter: { displayName: 'Installed After', kind: 'date', description: 'Only what was installed after this date (ISO 8601)', placeholder: '2024-01-31' },
	installedBefore: { displayName: 'Installed Before', kind: 'date', description: 'Only what was installed before this date (ISO 8601)', placeholder: '2024-12-31' },
	lang: { displayName: 'Language', kind: 'text', description: 'Language tag for NinjaOne\'s texts, e.g. en or de', placeholder: 'en' },
	name: { displayName: 'Service Name', kind: 'text', description: 'Only the Windows service of this name', placeholder: 'Spooler' },
	productIdentifier: { displayName: 'Product Identifier', kind: 'text', description: 'Only patches of this product', placeholder: 'firefox' },
	productName: { displayName: 'Product Name', kind: 'text', description: 'Only this antivirus product' },
	productState: { displayName: 'Product State', kind: 'text', description: 'Only antivirus products in this state, e.g. ON or OFF', placeholder: 'OFF' },
	scopes: { displayName: 'Scopes', kind: 'text', description: 'Only these scopes, comma-separated, e.g. organization,location', placeholder: 'organization,location' },
	severity: { displayName: 'Severity', kind: 'text', description: 'Only patches of this severity, e.g. CRITICAL', placeholder: 'CRITICAL' },
	showSecureValues: { displayName: 'Show Secure Values', kind: 'boolean', description: 'Whether to return the values of secure fields as plain text' },
	state: {
		displayName: 'Service State',
		kind: 'options',
		description: 'Only Windows services in this state',
		options: SERVICE_STATES.map((state) => ({ name: state.charAt(0) + state.slice(1).toLowerCase().replace(/_/g, ' '), value: state })),
	},
	status: { displayName: 'Status', kind: 'text', description: 'Only patches in this status, e.g. PENDING, FAILED, REJECTED or INSTALLED', placeholder: 'FAILED' },
	ts: {
		displayName: 'Monitoring Time Filter',
		kind: 'text',
		description: 'NinjaOne\'s filter on when the data was collected (its "ts" parameter), passed as given',
	},
	type: { displayName: 'Type', kind: 'text', description: 'Only patches of this type, e.g. SECURITY_UPDATES', placeholder: 'SECURITY_UPDATES' },
	tz: { displayName: 'Time Zone', kind: 'text', description: 'Time zone for NinjaOne\'s texts, e.g. Europe/Zurich', placeholder: 'Europe/Zurich' },
	updatedAfter: { displayName: 'Updated After', kind: 'date', description: 'Only fields updated after this date (ISO 8601)', placeholder: '2024-01-31' },
} satisfies Record<string, FilterDefinition>;

export type FilterName = keyof typeof FILTERS;

function property(name: FilterName): INodeProperties {
	const filter: FilterDefinition = FILTERS[name];
	const base = { displayName: filter.displayName, name, description: filter.description };
	switch (filter.kind) {
		case 'boolean':
			return { ...base, type: 'boolean', default: false };
		case 'options':
			return { ...base, type: 'options', options: filter.options ?? [], default: filter.options?.[0]?.value ?? '' };
		default:
			return { ...base, type: 'string', default: '', placeholder: filter.placeholder };
	}
}

/** The parameters of `names`, sorted by display name. */
export function filterProperties(names: FilterName[]): INodeProperties[] {
	return names.map(property).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** A Filters collection of `names`, shown where `show` says. */
export function filtersCollection(names: FilterName[], show: Record<string, string[]>): INodeProperties {
	return { ...collection('filters', filterProperties(names)), displayOptions: { show } };
}

/** The filters of `names` the user set, as query parameters; dates checked before any request. */
export function readFilters(inputs: ItemInputs, names: readonly FilterName[], collectionName = 'filters'): IDataObject {
	const qs: IDataObject = {};
	for (const name of names) {
		const filter: FilterDefinition = FILTERS[name];
		const field = `${collectionName}.${name}`;
		if (filter.kind === 'boolean') {
			if (inputs.boolean(field)) qs[name] = true;
			continue;
		}
		const value = inputs.text(field, filter.displayName, false);
		if (value === undefined) continue;
		if (filter.kind === 'date') parseIsoDate(inputs, value, filter.displayName, 'UTC');
		if (filter.kind === 'options') inputs.choice(field, filter.displayName, filter.options!.map((o) => o.value));
		qs[name] = value;
	}
	return qs;
}

/**
 * The Filters collections of a table of reads (`value` is the choice in the `chooser` parameter):
 * one per distinct set of filters, shown for the reads that take it.
 */
export function filterCollectionsFor(chooser: string, table: Array<{ value: string; filters: FilterName[] }>): INodeProperties[] {
	const bySet = new Map<string, { filters: FilterName[]; values: string[] }>();
	for (const read of table.filter((r) => r.filters.length > 0)) {
		const key = read.filters.join(',');
		const entry = bySet.get(key) ?? { filters: read.filters, values: [] };
		entry.values.push(read.value);
		bySet.set(key, entry);
	}
	return [...bySet.values()].map(({ filters, values }) => filtersCollection(filters, { [chooser]: values }));
}
