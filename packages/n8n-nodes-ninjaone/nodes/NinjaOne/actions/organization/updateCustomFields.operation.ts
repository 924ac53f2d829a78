import { customFieldsUpdate } from '../customFields';
import { locator, locatorId } from '../locators';

export const { description, execute } = customFieldsUpdate('organization', {
	properties: [locator('organization')],
	target: (inputs) => {
		const organizationId = locatorId(inputs, 'organization');
		return { path: `/v2/organization/${organizationId}/custom-fields`, subject: { organizationId } };
	},
});
