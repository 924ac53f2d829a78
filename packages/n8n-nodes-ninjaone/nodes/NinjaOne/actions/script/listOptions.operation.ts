import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

const properties: INodeProperties[] = [
	deviceIdField(),
	{
		displayName: 'Language',
		name: 'lang',
		type: 'string',
		default: '',
		placeholder: 'en',
		description: 'Language of the names and descriptions returned; leave empty for the account\'s default',
	},
];

export const description = forOperation('script', 'listOptions', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const lang = inputs.text('lang', 'Language', false);
	return await client.call(this, 'GET', `/v2/device/${id}/scripting/options`, { qs: lang ? { lang } : {} });
}
