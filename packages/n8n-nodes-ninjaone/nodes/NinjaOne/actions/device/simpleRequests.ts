import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import type { NinjaOneOperation } from '../listing';
import { locator, locatorId } from '../locators';

/**
 * An operation that is one request on the picked device, `/v2/device/{id}` + `suffix`. A write
 * NinjaOne answers with 204 yields `confirmation` with the device's ID.
 */
export function deviceRequest(
	operation: string,
	method: IHttpRequestMethods,
	suffix: string,
	confirmation: IDataObject = {},
): NinjaOneOperation & { method: IHttpRequestMethods } {
	return {
		method,
		description: forOperation('device', operation, [locator('device')]),
		async execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient) {
			const deviceId = locatorId(inputs, 'device');
			const answer = await client.call(this, method, `/v2/device/${deviceId}${suffix}`);
			return answer ?? { deviceId, ...confirmation };
		},
	};
}
