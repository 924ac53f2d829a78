import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readLocatorId, ticketLocator } from './fields';

const properties: INodeProperties[] = [
	ticketLocator,
	{
		displayName: 'Comment',
		name: 'comment',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The text of the comment',
	},
	{
		displayName: 'Public',
		name: 'public',
		type: 'boolean',
		default: true,
		description: 'Whether the requester and CC recipients see the comment; otherwise it is a private note for technicians',
	},
	optionsCollection([
		{
			displayName: 'Comment Is HTML',
			name: 'isHtml',
			type: 'boolean',
			default: false,
			description: 'Whether the comment is HTML rather than plain text',
		},
		{
			displayName: 'Duplicate In Incidents',
			name: 'duplicateInIncidents',
			type: 'boolean',
			default: false,
			description: 'Whether the comment is also added to the incidents linked to this ticket',
		},
		{
			displayName: 'Time Tracked (Seconds)',
			name: 'timeTracked',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Time spent, recorded with the comment (e.g. 900 for 15 minutes)',
		},
	]),
];

export const description = forOperation('ticket', 'addComment', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const ticketId = readLocatorId(inputs, 'ticketId', 'Ticket');
	const text = inputs.text('comment', 'Comment', true)!;
	const comment: IDataObject = { public: inputs.boolean('public', true) };
	comment[inputs.boolean('options.isHtml') ? 'htmlBody' : 'body'] = text;
	const timeTracked = inputs.number('options.timeTracked', 'Time Tracked (Seconds)', { min: 0, max: 2_147_483_647, integer: true });
	if (timeTracked) comment.timeTracked = timeTracked;
	if (inputs.boolean('options.duplicateInIncidents')) comment.duplicateInIncidents = true;
	// NinjaOne takes comments as multipart/form-data (files may go along): one JSON part, "comment".
	const { body, contentType } = multipartJson('comment', comment);
	const answer = await client.call(this, 'POST', `/v2/ticketing/ticket/${ticketId}/comment`, {
		body,
		headers: { 'Content-Type': contentType },
	});
	return answer ?? { ticketId, commentAdded: true, ...comment };
}

/** A multipart/form-data body with one JSON part. */
function multipartJson(name: string, value: unknown): { body: string; contentType: string } {
	const json = JSON.stringify(value);
	let boundary = `----n8nNinjaOne${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	while (json.includes(boundary)) boundary += Math.random().toString(16).slice(2);
	const body = [
		`--${boundary}`,
		`Content-Disposition: form-data; name="${name}"`,
		'Content-Type: application/json',
		'',
		json,
		`--${boundary}--`,
		'',
	].join('\r\n');
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
