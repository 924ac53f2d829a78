import { getManyResource } from '../listing';
import * as getMany from './getMany.operation';

export const { operations, description } = getManyResource(
	'customField',
	getMany,
	'Get many custom field definitions',
	'List the custom field definitions of the tenant, one item per field',
);
