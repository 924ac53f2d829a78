import { getManyResource, wholeList } from '../listing';

export const { operations, description } = getManyResource(
	'deviceRole',
	wholeList('deviceRole', 'getMany', { path: () => '/v2/roles' }),
	'Get many device roles',
	'List device roles, one item per role',
);
