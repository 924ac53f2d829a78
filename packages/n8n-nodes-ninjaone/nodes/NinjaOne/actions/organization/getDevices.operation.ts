import { pagedList } from '../listing';
import { locator, locatorId } from '../locators';

export const { description, execute } = pagedList('organization', 'getDevices', {
	properties: [locator('organization')],
	path: (inputs) => `/v2/organization/${locatorId(inputs, 'organization')}/devices`,
});
