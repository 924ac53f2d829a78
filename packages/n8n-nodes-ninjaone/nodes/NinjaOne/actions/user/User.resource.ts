import { getManyResource, wholeList } from '../listing';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const USER_TYPES = ['technicians', 'end-users'] as const;

const getMany = wholeList('user', 'getMany', {
	properties: [
		{
			displayName: 'User Type',
			name: 'userType',
			type: 'options',
			description: 'Which users: technicians (the MSP\'s own users) or end-users (users of the customers\' organizations)',
			options: [
				{ name: 'End Users', value: 'end-users', description: 'Users of the customers\' organizations' },
				{ name: 'Technicians', value: 'technicians', description: 'The MSP\'s own users' },
			],
			default: 'technicians',
		},
	],
	path: (inputs) => `/v2/user/${inputs.choice('userType', 'User Type', USER_TYPES)}`,
});

const own = getManyResource('user', getMany, 'Get many users', 'List technicians or end users, one item per user');

export const { operations, description } = withApiCalls(own, api);
