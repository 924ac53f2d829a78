import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { organizationIdField } from '../fields';
import { locationFields, readLocationFields } from './fields';

const properties: INodeProperties[] = [
	organizationIdField,
	{
		displayName: 'Location Name',
		name: 'name',
		type: 'string',
		description: 'The name of the new location',
		default: '',
		required: true,
	},
	locationFields(false),
];

export const description = forOperation('location', 'create', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'organization');
	const body: IDataObject = { name: inputs.text('name', 'Location Name', true) };
	readLocationFields(inputs, 'additionalFields', body);
	return await client.call(this, 'POST', `/v2/organization/${id}/locations`, { body });
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
