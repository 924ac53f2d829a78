import type { ItemInputs } from '../../../shared/inputs';
import { locator, locatorId } from '../locators';

/** A device's custom fields: the device picked. */
export const deviceCustomFields = {
	properties: [locator('device')],
	target: (inputs: ItemInputs) => {
		const deviceId = locatorId(inputs, 'device');
		return { path: `/v2/device/${deviceId}/custom-fields`, subject: { deviceId } };
	},
};
