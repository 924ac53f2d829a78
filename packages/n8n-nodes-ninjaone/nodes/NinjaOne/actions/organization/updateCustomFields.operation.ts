import { customFieldsUpdate } from '../customFields';
import { locator, locatorId } from '../locators';

export const { description, execute } = customFieldsUpdate('organization', {
	properties: [locator('organization')],
	target: (inputs) => {
		const organizationId = locatorId(inputs, 'organization');
		return { path: `/v2/organization/${organizationId}/custom-fields`, subject: { organizationId } };
	},
});

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
