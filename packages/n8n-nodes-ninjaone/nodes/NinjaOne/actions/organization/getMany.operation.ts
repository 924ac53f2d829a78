import { pagedList } from '../listing';

/** Organizations, brief or (Detailed) with their locations, policies and settings. */
export const { description, execute } = pagedList('organization', 'getMany', {
	options: [
		{
			displayName: 'Detailed',
			name: 'detailed',
			type: 'boolean',
			default: false,
			description: 'Whether to include each organization\'s locations, policy mappings and settings',
		},
	],
	path: (inputs) => (inputs.boolean('options.detailed') ? '/v2/organizations-detailed' : '/v2/organizations'),
});
