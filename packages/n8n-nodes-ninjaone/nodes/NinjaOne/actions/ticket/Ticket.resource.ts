import type { INodeProperties } from 'n8n-workflow';

import { withOutput } from '../../../shared/tools';

import * as addComment from './addComment.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getLogEntries from './getLogEntries.operation';
import * as getManyDefinition from './getMany.operation';
import * as update from './update.operation';
import { withApiCalls } from '../apiCall';
import * as api from './apiCalls';

const getMany = withOutput('ticket', 'getMany', getManyDefinition);

const ownOperations = { addComment, create, get, getLogEntries, getMany, update };

const ownDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ticket'] } },
		options: [
			{ name: 'Add Comment', value: 'addComment', action: 'Add a comment to a ticket', description: 'Add a public comment or a private note, with tracked time' },
			{ name: 'Create', value: 'create', action: 'Create a ticket', description: 'Open a ticket for an organization, optionally about a device' },
			{ name: 'Get', value: 'get', action: 'Get a ticket', description: 'Get one ticket by ID' },
			{ name: 'Get Log Entries', value: 'getLogEntries', action: 'Get the log entries of a ticket', description: 'List a ticket\'s description, comments and changes, one item per entry' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tickets', description: 'List the tickets of a board, one item per ticket' },
			{ name: 'Update', value: 'update', action: 'Update a ticket', description: 'Change a ticket\'s fields (status, priority, assignee, attributes...)' },
		],
		default: 'getMany',
	},
	...addComment.description,
	...create.description,
	...get.description,
	...getLogEntries.description,
	...getMany.description,
	...update.description,
];

const own = { operations: ownOperations, description: ownDescription };

export const { operations, description } = withApiCalls(own, api);
