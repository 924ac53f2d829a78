import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isJsonObject } from '../../../shared/envelope';
import { type ItemInputs, parseId, parseIsoDate, show } from '../../../shared/inputs';
import type { RequestContext } from '../../../shared/request';
import type { NinjaOneClient } from '../../transport';
import { readUuid } from '../alert/fields';
import { locator, optionalLocatorId } from '../locators';
import { listStatuses } from './api';

export const TICKET_TYPES = ['APPOINTMENT', 'CHANGE_REQUEST', 'INCIDENT', 'MISCELLANEOUS', 'PROBLEM', 'PROJECT', 'QUESTION', 'SERVICE_REQUEST', 'TASK'] as const;
export const PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export const SEVERITIES = ['NONE', 'MINOR', 'MODERATE', 'MAJOR', 'CRITICAL'] as const;
export const LOG_ENTRY_TYPES = ['COMMENT', 'CONDITION', 'DELETE', 'DESCRIPTION', 'INFO', 'PRODUCT', 'SAVE'] as const;

/** "CHANGE_REQUEST" → "Change Request". */
export const titleOf = (value: string): string =>
	value
		.split('_')
		.map((word) => word.charAt(0) + word.slice(1).toLowerCase())
		.join(' ');

/** Options of an enum, sorted by name as n8n wants. */
export const enumOptions = (values: readonly string[]) =>
	values.map((value) => ({ name: titleOf(value), value })).sort((a, b) => a.name.localeCompare(b.name));

const TICKET_URL = /\/ticketing\/ticket\/(\d+)/;

export const boardLocator: INodeProperties = {
	displayName: 'Board',
	name: 'boardId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The ticketing board whose tickets to list (a board is a saved view of tickets)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTicketBoards', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A board ID is a number' } }],
		},
	],
};

export const ticketLocator: INodeProperties = {
	displayName: 'Ticket',
	name: 'ticketId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The ticket. The list shows the tickets of the "All Tickets" board (or the first board) and searches by subject or ID.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTickets', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A ticket ID is a number' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://app.ninjarmm.com/#/ticketing/ticket/1234',
			extractValue: { type: 'regex', regex: TICKET_URL.source },
			validation: [
				{ type: 'regex', properties: { regex: `.*${TICKET_URL.source}.*`, errorMessage: 'Not a NinjaOne ticket URL (…/ticketing/ticket/<ID>)' } },
			],
		},
	],
};

/**
 * The ID of a resource locator; plain values (older workflows, expressions) are read as IDs.
 * A URL must carry the ticket's ID.
 */
export function readLocatorId(inputs: ItemInputs, name: string, label: string): number {
	const raw = inputs.raw(name, '');
	let value: unknown = raw;
	if (isJsonObject(raw) && '__rl' in raw) {
		value = raw.value;
		if (raw.mode === 'url') {
			const match = TICKET_URL.exec(String(value ?? ''));
			if (!match) inputs.fail(label, `is not a NinjaOne ticket URL (…/ticketing/ticket/<ID>): ${show(value)}`);
			value = match[1];
		}
	}
	const id = parseId(inputs, typeof value === 'string' ? value.trim() : value, label);
	if (id === undefined) inputs.fail(label, 'is required');
	return id;
}

/** The ticket's organization (its client): the organization picker, which also takes a plain ID. */
export const ticketOrganizationField = (required: boolean, description: string): INodeProperties =>
	locator('organization', { required, description });

export const statusField = (name = 'status'): INodeProperties => ({
	displayName: 'Status Name or ID',
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketStatuses' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'An expression may give the status ID (e.g. 1000) or its name (e.g. Open)',
});

export const ticketFormField = (name = 'ticketFormId'): INodeProperties => ({
	displayName: 'Ticket Form Name or ID',
	name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTicketForms' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The form decides which fields the ticket has',
});

/** The optional fields of a ticket, shared by Create (Additional Fields) and Update (Update Fields). */
export const optionalTicketFields: INodeProperties[] = [
	{
		displayName: 'Assigned Technician Name or ID',
		name: 'assignedAppUserId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTechnicians' },
		default: '',
		description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The technician who works on the ticket',
	},
	{
		displayName: 'Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description: 'Custom ticket attributes as name/value pairs; on Update the others keep their values',
		options: [
			{
				displayName: 'Attribute',
				name: 'attribute',
				values: [
					{
						displayName: 'Attribute Name or ID',
						name: 'attributeId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTicketAttributes' },
						default: '',
						description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The value as text',
					},
				],
			},
		],
	},
	{
		displayName: 'CC Emails',
		name: 'ccEmails',
		type: 'string',
		default: '',
		placeholder: 'e.g. it@example.com, boss@example.com',
		description: 'Email addresses that get copies of the ticket\'s public updates, separated by commas',
	},
	locator('device', {
		displayName: 'Device',
		name: 'nodeId',
		required: false,
		description: 'The NinjaOne device the ticket is about, e.g. the deviceId of an alert; it must belong to the ticket\'s organization',
	}),
	{
		displayName: 'Follow-Up Time',
		name: 'followupTime',
		type: 'dateTime',
		default: '',
		description: 'When to follow the ticket up',
	},
	{
		displayName: 'Location ID',
		name: 'locationId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 34',
		description: 'A location of the ticket\'s organization (a number)',
	},
	{
		displayName: 'Parent Ticket ID',
		name: 'parentTicketId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1200',
		description: 'The ticket this one belongs under (a number)',
	},
	{
		displayName: 'Priority',
		name: 'priority',
		type: 'options',
		options: enumOptions(PRIORITIES),
		default: 'NONE',
	},
	{
		displayName: 'Requester Name or ID',
		name: 'requesterUid',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTicketRequesters' },
		default: '',
		description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'The end user, contact or technician who asked for the ticket (their UID)',
	},
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'options',
		options: enumOptions(SEVERITIES),
		default: 'NONE',
	},
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. printer, urgent',
		description: 'Tags separated by commas (or a JSON array); on Update they replace the ticket\'s tags',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: enumOptions(TICKET_TYPES),
		default: 'PROBLEM',
	},
];

/** Reads the optional ticket fields under `prefix` into a NewTicket/UpdateTicket body. */
export function readTicketFields(inputs: ItemInputs, prefix: string): IDataObject {
	const body: IDataObject = {};
	const nodeId = optionalLocatorId(inputs, 'device', `${prefix}nodeId`, 'Device');
	if (nodeId !== undefined) body.nodeId = nodeId;
	for (const [field, label] of [['locationId', 'Location ID'], ['parentTicketId', 'Parent Ticket ID']] as const) {
		const id = inputs.optionalId(`${prefix}${field}`, label);
		if (id !== undefined) body[field] = id;
	}
	const assignee = inputs.optionalId(`${prefix}assignedAppUserId`, 'Assigned Technician');
	if (assignee !== undefined) body.assignedAppUserId = assignee;
	const type = inputs.choice(`${prefix}type`, 'Type', TICKET_TYPES, false);
	if (type !== undefined) body.type = type;
	const priority = inputs.choice(`${prefix}priority`, 'Priority', PRIORITIES, false);
	if (priority !== undefined) body.priority = priority;
	const severity = inputs.choice(`${prefix}severity`, 'Severity', SEVERITIES, false);
	if (severity !== undefined) body.severity = severity;
	const requesterUid = readUuid(inputs, `${prefix}requesterUid`, 'Requester', false);
	if (requesterUid !== undefined) body.requesterUid = requesterUid;
	const tags = inputs.raw(`${prefix}tags`);
	if (tags !== null && tags !== undefined) body.tags = inputs.list(`${prefix}tags`, 'Tags');
	const emails = inputs.list(`${prefix}ccEmails`, 'CC Emails');
	for (const email of emails) {
		if (!/^[^@\s]+@[^@\s]+$/.test(email)) inputs.fail('CC Emails', `${show(email)} is not an email address`);
	}
	if (emails.length > 0) body.cc = { emails };
	const followup = inputs.raw(`${prefix}followupTime`, '');
	if (followup !== '' && followup !== null && followup !== undefined) {
		body.followupTime = parseIsoDate(inputs, followup, 'Follow-Up Time', inputs.ctx.getTimezone()) / 1000;
	}
	const attributes = readAttributes(inputs, `${prefix}attributes.attribute`);
	if (attributes.length > 0) body.attributes = attributes;
	return body;
}

function readAttributes(inputs: ItemInputs, name: string): IDataObject[] {
	const raw = inputs.raw(name, []);
	const list = Array.isArray(raw) ? raw : raw === null || raw === undefined || raw === '' ? [] : [raw];
	return list.map((entry, i) => {
		if (!isJsonObject(entry)) inputs.fail('Attributes', `entry ${i} must be an attribute and a value, got ${show(entry)}`);
		const attributeId = parseId(inputs, entry.attributeId, `Attributes (entry ${i}): Attribute`);
		if (attributeId === undefined) inputs.fail('Attributes', `entry ${i} has no attribute`);
		const value = entry.value ?? '';
		if (typeof value === 'object') inputs.fail('Attributes', `entry ${i}: the value must be text, got ${show(value)}`);
		return { attributeId, value: String(value) };
	});
}

/** The statuses of the tenant, read once per execution. */
const statusCache = new WeakMap<NinjaOneClient, IDataObject[]>();

/**
 * The status ID NinjaOne takes, from an ID or a name as the user gave it. An unknown status fails
 * here, naming the field and the item, before the ticket is written.
 */
export async function resolveStatus(ctx: RequestContext, client: NinjaOneClient, inputs: ItemInputs, name: string, required: boolean): Promise<string | undefined> {
	const given = inputs.text(name, 'Status', required);
	if (given === undefined) return undefined;
	let statuses = statusCache.get(client);
	if (!statuses) {
		statuses = await listStatuses(ctx, client);
		statusCache.set(client, statuses);
	}
	const wanted = given.toLowerCase();
	const match = statuses.find((s) => [s.statusId, s.name, s.displayName].some((v) => v !== undefined && String(v).toLowerCase() === wanted));
	if (!match) {
		const known = statuses.map((s) => `${s.displayName ?? s.name} (${s.statusId})`).join(', ');
		inputs.fail('Status', `${show(given)} is not a status of this NinjaOne tenant; known: ${known}`);
	}
	return String(match.statusId);
}
