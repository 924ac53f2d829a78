import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readLocatorId, ticketLocator } from './fields';

const properties: INodeProperties[] = [ticketLocator];

export const description = forOperation('ticket', 'get', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const ticketId = readLocatorId(inputs, 'ticketId', 'Ticket');
	return await client.call(this, 'GET', `/v2/ticketing/ticket/${ticketId}`);
}
