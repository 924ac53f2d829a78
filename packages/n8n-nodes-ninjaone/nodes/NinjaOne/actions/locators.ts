import type { INodeProperties } from 'n8n-workflow';

import { type ItemInputs, parseId, show } from '../../shared/inputs';

/** What can be picked: its label, parameter name, list method and, where one exists, its dashboard URL. */
interface LocatorKind {
	label: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	/** The part of a NinjaOne dashboard URL that carries the ID, as a regex with one group. */
	urlPattern?: string;
	urlExample?: string;
}

export const LOCATORS = {
	organization: {
		label: 'Organization',
		name: 'organizationId',
		searchListMethod: 'searchOrganizations',
		placeholder: '12',
		urlPattern: '#/customerDashboard/(\\d+)',
		urlExample: 'https://app.ninjarmm.com/#/customerDashboard/12/overview',
	},
	location: {
		label: 'Location',
		name: 'locationId',
		searchListMethod: 'searchLocations',
		placeholder: '34',
	},
	device: {
		label: 'Device',
		name: 'deviceId',
		searchListMethod: 'searchDevices',
		placeholder: '1234',
		urlPattern: '#/deviceDashboard/(\\d+)',
		urlExample: 'https://app.ninjarmm.com/#/deviceDashboard/1234/overview',
	},
	policy: {
		label: 'Policy',
		name: 'policyId',
		searchListMethod: 'searchPolicies',
		placeholder: '7',
	},
	ticket: {
		label: 'Ticket',
		name: 'ticketId',
		searchListMethod: 'searchTickets',
		placeholder: '1234',
		urlPattern: '#/ticketing/ticket/(\\d+)',
		urlExample: 'https://app.ninjarmm.com/#/ticketing/ticket/1234',
	},
	board: {
		label: 'Board',
		name: 'boardId',
		searchListMethod: 'searchTicketBoards',
		placeholder: '2',
	},
} satisfies Record<string, LocatorKind>;

export type LocatorName = keyof typeof LOCATORS;

/**
 * A picker for a NinjaOne object: From List (searchable, paged), By ID and, where NinjaOne's
 * dashboard URL carries the ID, By URL. Its value is read by `locatorId`, which also takes the
 * plain ID that workflows saved before the picker existed.
 */
export function locator(kind: LocatorName, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const spec: LocatorKind = LOCATORS[kind];
	return {
		displayName: spec.label,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An ID is a whole number' } }],
			},
			...(spec.urlPattern
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: spec.urlExample,
							validation: [
								{
									type: 'regex' as const,
									properties: { regex: `.*${spec.urlPattern}.*`, errorMessage: `Not a NinjaOne ${spec.label.toLowerCase()} dashboard URL` },
								},
							],
						},
					]
				: []),
		],
		description: `The NinjaOne ${spec.label.toLowerCase()}: pick it from the list or give its ID`,
		...overrides,
	};
}

/** The ID a locator holds; `undefined` when empty. Takes a locator value or an old plain ID. */
export function optionalLocatorId(
	inputs: ItemInputs,
	kind: LocatorName,
	name: string = LOCATORS[kind].name,
	label: string = LOCATORS[kind].label,
): number | undefined {
	const spec: LocatorKind = LOCATORS[kind];
	const raw = inputs.raw(name, '');
	if (typeof raw !== 'object' || raw === null) return parseId(inputs, raw, label);
	const { mode, value } = raw as { mode?: unknown; value?: unknown };
	if (mode === 'url') {
		if (value === undefined || value === null || value === '') return undefined;
		const match = spec.urlPattern && typeof value === 'string' ? new RegExp(spec.urlPattern).exec(value) : null;
		if (!match) {
			inputs.fail(label, `is not a NinjaOne ${spec.label.toLowerCase()} dashboard URL: ${show(value)}`, `For example ${spec.urlExample}`);
		}
		return parseId(inputs, match[1], label);
	}
	return parseId(inputs, value, label);
}

/** The ID a required locator holds, or a named error before any request. */
export function locatorId(inputs: ItemInputs, kind: LocatorName, name?: string): number {
	const id = optionalLocatorId(inputs, kind, name);
	if (id === undefined) inputs.fail(LOCATORS[kind].label, 'is required: pick one from the list or give its ID');
	return id;
}
