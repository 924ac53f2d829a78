import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { isJsonObject } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readSubject } from './create.operation';
import { optionalLocatorId } from '../locators';
import { optionalTicketFields, readLocatorId, readTicketFields, resolveStatus, statusField, ticketFormField, ticketLocator, ticketOrganizationField } from './fields';

const properties: INodeProperties[] = [
	ticketLocator,
	collection(
		'updateFields',
		([
			...optionalTicketFields,
			ticketOrganizationField(false, 'Move the ticket to another NinjaOne organization (client)'),
			statusField(),
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'The ticket\'s title, up to 200 characters' },
			ticketFormField(),
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	),
];

export const description = forOperation('ticket', 'update', properties);

/** What NinjaOne's UpdateTicket carries over from the ticket as it is now. */
const KEPT = ['clientId', 'ticketFormId', 'locationId', 'nodeId', 'subject', 'type', 'priority', 'severity', 'requesterUid', 'assignedAppUserId', 'parentTicketId', 'tags', 'additionalAssignedTechnicianIds', 'followupTime'];

/**
 * NinjaOne replaces the whole ticket on update and checks its version: the ticket is read, the
 * chosen fields changed, and the result written with the version read.
 */
export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const ticketId = readLocatorId(inputs, 'ticketId', 'Ticket');
	const changes = readTicketFields(inputs, 'updateFields.');
	const clientId = optionalLocatorId(inputs, 'organization', 'updateFields.organizationId', 'Organization');
	if (clientId !== undefined) changes.clientId = clientId;
	const ticketFormId = inputs.optionalId('updateFields.ticketFormId', 'Ticket Form');
	if (ticketFormId !== undefined) changes.ticketFormId = ticketFormId;
	const subject = readSubject(inputs, 'updateFields.subject', false);
	if (subject !== undefined) changes.subject = subject;
	const statusGiven = inputs.string('updateFields.status') !== '';
	if (Object.keys(changes).length === 0 && !statusGiven) inputs.fail('Update Fields', 'add at least one field to change');
	const status = await resolveStatus(this, client, inputs, 'updateFields.status', false);

	const path = `/v2/ticketing/ticket/${ticketId}`;
	const current = await client.call(this, 'GET', path);
	if (!isJsonObject(current)) throw new Error(`NinjaOne answered GET ${path} without a ticket`);
	const body: IDataObject = { version: current.version };
	for (const key of KEPT) if (current[key] !== undefined && current[key] !== null) body[key] = current[key];
	const currentStatus = isJsonObject(current.status) ? current.status.statusId : current.status;
	if (currentStatus !== undefined && currentStatus !== null) body.status = String(currentStatus);
	if (isJsonObject(current.ccList)) body.cc = current.ccList;
	Object.assign(body, changes);
	if (status !== undefined) body.status = status;
	// UpdateTicket replaces the whole ticket: the attribute values go back as read, with the chosen ones changed.
	const attributes = mergeAttributes(current.attributeValues, (changes.attributes as IDataObject[] | undefined) ?? []);
	if (attributes.length > 0) body.attributes = attributes;
	else delete body.attributes;
	if (body.requesterUid === undefined) {
		inputs.fail('Requester', 'NinjaOne needs a requester to update a ticket and this one has none: set Requester in Update Fields');
	}
	return await client.call(this, 'PUT', path, { body });
}

/** The ticket's attribute values with the chosen ones replaced or added. */
function mergeAttributes(current: unknown, chosen: IDataObject[]): IDataObject[] {
	const kept = (Array.isArray(current) ? current : [])
		.filter(isJsonObject)
		.filter((value) => typeof value.attributeId === 'number' && !chosen.some((c) => c.attributeId === value.attributeId))
		.map((value) => ({
			attributeId: value.attributeId,
			value: typeof value.value === 'string' ? value.value : JSON.stringify(value.value ?? ''),
		}));
	return [...kept, ...chosen];
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
