import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

const properties: INodeProperties[] = [
	deviceIdField(),
	{
		displayName: 'Return Redirect Response',
		name: 'redirect',
		type: 'boolean',
		default: false,
		description:
			'Whether to ask NinjaOne for a redirect instead of a JSON link. The node does not follow it: it returns the redirect\'s target URL.',
	},
];

export const description = forOperation('device', 'getDashboardLink', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const redirect = inputs.boolean('redirect');
	const response = await client.callFull(this, 'GET', `/v2/device/${id}/dashboard-url`, {
		qs: { redirect },
		followRedirects: !redirect,
	});
	if (response.statusCode >= 300 && response.statusCode < 400) {
		return { deviceId: id, url: response.headers.location ?? null, redirect: true };
	}
	return response.body ?? { deviceId: id, url: null };
}
