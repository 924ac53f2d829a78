import { wholeList } from '../listing';
import { locator, locatorId } from '../locators';

export const { description, execute } = wholeList('organization', 'getEndUsers', {
	properties: [locator('organization')],
	options: [
		{
			displayName: 'Include Roles',
			name: 'includeRoles',
			type: 'boolean',
			default: false,
			description: 'Whether to include each end user\'s roles',
		},
	],
	path: (inputs) => `/v2/organization/${locatorId(inputs, 'organization')}/end-users`,
	qs: (inputs) => (inputs.boolean('options.includeRoles') ? { includeRoles: true } : {}),
});
