import { customFieldsGet } from '../customFields';
import { locator, locatorId } from '../locators';

export const { description, execute } = customFieldsGet('organization', {
	properties: [locator('organization')],
	withInheritance: false,
	target: (inputs) => {
		const organizationId = locatorId(inputs, 'organization');
		return { path: `/v2/organization/${organizationId}/custom-fields`, subject: { organizationId } };
	},
});
