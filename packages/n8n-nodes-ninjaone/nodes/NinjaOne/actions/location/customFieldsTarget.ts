import type { ItemInputs } from '../../../shared/inputs';
import { locator, locatorId } from '../locators';

/** A location's custom fields: the organization and the location picked. */
export const locationCustomFields = {
	properties: [locator('organization'), locator('location', { description: 'The location within the organization' })],
	target: (inputs: ItemInputs) => {
		const organizationId = locatorId(inputs, 'organization');
		const locationId = locatorId(inputs, 'location');
		return {
			path: `/v2/organization/${organizationId}/location/${locationId}/custom-fields`,
			subject: { organizationId, locationId },
		};
	},
};
