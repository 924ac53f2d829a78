import { getManyResource, wholeList } from '../listing';

export const { operations, description } = getManyResource(
	'policy',
	wholeList('policy', 'getMany', { path: () => '/v2/policies' }),
	'Get many policies',
	'List policies, one item per policy',
);
