import { getManyResource } from '../listing';
import * as getMany from './getMany.operation';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const own = getManyResource(
	'customField',
	getMany,
	'Get many custom field definitions',
	'List the custom field definitions of the tenant, one item per field',
);

export const { operations, description } = withApiCalls(own, api);
