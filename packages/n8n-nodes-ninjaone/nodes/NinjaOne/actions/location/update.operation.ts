import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { locationIdField, organizationIdField } from '../fields';
import { locationFields, readLocationFields } from './fields';

const properties: INodeProperties[] = [organizationIdField, locationIdField, locationFields(true)];

export const description = forOperation('location', 'update', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'organization');
	const locationId = locatorId(inputs, 'location');
	const body: IDataObject = {};
	readLocationFields(inputs, 'updateFields', body);
	if (Object.keys(body).length === 0) inputs.fail('Update Fields', 'add at least one field to change');
	const answer = await client.call(this, 'PATCH', `/v2/organization/${id}/locations/${locationId}`, { body });
	return answer ?? { organizationId: id, locationId, updated: body };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
