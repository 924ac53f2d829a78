import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { optionalTicketFields, readTicketFields, resolveStatus, statusField, ticketFormField, ticketOrganizationField } from './fields';

const SUBJECT_MAX = 200;

const properties: INodeProperties[] = [
	ticketOrganizationField(true, 'The NinjaOne organization (client) of the ticket; a device on the ticket must belong to it'),
	{ ...ticketFormField(), required: true },
	{ ...statusField(), required: true },
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. CPU above 90% on host-0004',
		description: 'The ticket\'s title, up to 200 characters',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The first entry of the ticket\'s log',
	},
	collection('additionalFields', [
		...optionalTicketFields.slice(0, 3),
		{
			displayName: 'Description Is HTML',
			name: 'descriptionIsHtml',
			type: 'boolean',
			default: false,
			description: 'Whether the description is HTML rather than plain text',
		},
		{
			displayName: 'Description Is Public',
			name: 'descriptionPublic',
			type: 'boolean',
			default: true,
			description: 'Whether the requester and CC recipients see the description (otherwise only technicians do)',
		},
		...optionalTicketFields.slice(3),
	]),
];

export const description = forOperation('ticket', 'create', properties);

/** The subject NinjaOne takes: required, at most 200 characters. */
export function readSubject(inputs: ItemInputs, name: string, required: boolean): string | undefined {
	const subject = inputs.text(name, 'Subject', required);
	if (subject !== undefined && subject.length > SUBJECT_MAX) inputs.fail('Subject', `is ${subject.length} characters long; NinjaOne takes at most ${SUBJECT_MAX}`);
	return subject;
}

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const clientId = locatorId(inputs, 'organization');
	const ticketFormId = inputs.id('ticketFormId', 'Ticket Form');
	const subject = readSubject(inputs, 'subject', true)!;
	const text = inputs.text('description', 'Description', false);
	const body: IDataObject = { clientId, ticketFormId, subject, ...readTicketFields(inputs, 'additionalFields.') };
	if (text !== undefined) {
		const html = inputs.boolean('additionalFields.descriptionIsHtml');
		body.description = { public: inputs.boolean('additionalFields.descriptionPublic', true), [html ? 'htmlBody' : 'body']: text };
	}
	body.status = await resolveStatus(this, client, inputs, 'status', true);
	return await client.call(this, 'POST', '/v2/ticketing/ticket', { body });
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
