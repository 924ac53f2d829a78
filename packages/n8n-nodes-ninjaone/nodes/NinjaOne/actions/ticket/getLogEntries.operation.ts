import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import { collectByReturnedCursor } from '../../../shared/pagination';
import type { NinjaOneClient } from '../../transport';
import { enumOptions, LOG_ENTRY_TYPES, readLocatorId, ticketLocator } from './fields';

/** NinjaOne's default page of log entries. */
const PAGE_SIZE = 500;

const properties: INodeProperties[] = [
	ticketLocator,
	...returnAllOrLimit({}),
	collection('filters', [
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: enumOptions(LOG_ENTRY_TYPES),
			default: 'COMMENT',
			description: 'Only entries of this type: comments, the description, saved changes, and so on',
		},
	]),
];

export const description = forOperation('ticket', 'getLogEntries', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const ticketId = readLocatorId(inputs, 'ticketId', 'Ticket');
	const type = inputs.choice('filters.type', 'Type', LOG_ENTRY_TYPES, false);
	const limit = inputs.boolean('returnAll') ? undefined : inputs.number('limit', 'Limit', { min: 1, integer: true });
	const path = `/v2/ticketing/ticket/${ticketId}/log-entry`;
	const entries = await collectByReturnedCursor(
		async (anchorId, pageSize) => {
			const qs: IDataObject = { pageSize, ...(type ? { type } : {}), ...(anchorId !== undefined ? { anchorId } : {}) };
			const page = await client.call(this, 'GET', path, { qs });
			if (!Array.isArray(page)) throw new Error(`NinjaOne answered ${path} with something other than a list`);
			const last = page[page.length - 1] as IDataObject | undefined;
			return { rows: page, next: typeof last?.id === 'number' ? last.id : undefined };
		},
		PAGE_SIZE,
		limit,
	);
	return rows(entries);
}
