import { getManyResource, wholeList } from '../listing';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const own = getManyResource(
	'policy',
	wholeList('policy', 'getMany', { path: () => '/v2/policies' }),
	'Get many policies',
	'List policies, one item per policy',
);

export const { operations, description } = withApiCalls(own, api);
