import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { collection, returnAllOrLimit } from '../../../shared/descriptions';
import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { readLimit } from '../listing';
import { type BoardQuery, readBoard } from './api';
import { boardLocator, readLocatorId } from './fields';

const properties: INodeProperties[] = [
	boardLocator,
	...returnAllOrLimit({}),
	collection('filters', [
		{
			displayName: 'Conditions (JSON)',
			name: 'conditions',
			type: 'json',
			default: '',
			placeholder: '[{"field": "status", "operator": "eq", "value": "1000"}]',
			description: 'Extra conditions on top of the board\'s own: a JSON array of {"field", "operator", "value"} rules',
		},
		{
			displayName: 'Search',
			name: 'searchCriteria',
			type: 'string',
			default: '',
			description: 'Only tickets that match this text (subject, ID and the other searchable columns)',
		},
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'string',
			default: '',
			placeholder: 'e.g. createTime',
			description: 'A column to sort by',
		},
		{
			displayName: 'Sort Direction',
			name: 'sortDirection',
			type: 'options',
			options: [
				{ name: 'Ascending', value: 'ASC' },
				{ name: 'Descending', value: 'DESC' },
			],
			default: 'ASC',
			description: 'The order for Sort By',
		},
	]),
	collection('options', [
		{
			displayName: 'Columns',
			name: 'includeColumns',
			type: 'string',
			default: '',
			placeholder: 'e.g. subject, status, requester',
			description: 'Columns to return besides the board\'s own, separated by commas',
		},
		{
			displayName: 'Page Size',
			name: 'pageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: 100,
			description: 'Tickets per request; every page is one request under the Request Interval',
		},
	]),
];

export const description = forOperation('ticket', 'getMany', properties);

const SEARCH_MAX = 512;

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const boardId = readLocatorId(inputs, 'boardId', 'Board');
	const limit = readLimit(inputs);
	const pageSize = inputs.number('options.pageSize', 'Page Size', { min: 1, max: 1000, integer: true }) ?? 100;
	const query: BoardQuery = {};
	const search = inputs.text('filters.searchCriteria', 'Search', false);
	if (search !== undefined) {
		if (search.length > SEARCH_MAX) inputs.fail('Search', `is ${search.length} characters long; NinjaOne takes at most ${SEARCH_MAX}`);
		query.searchCriteria = search;
	}
	const sortBy = inputs.text('filters.sortBy', 'Sort By', false);
	if (sortBy !== undefined) {
		query.sortBy = [{ field: sortBy, direction: inputs.choice('filters.sortDirection', 'Sort Direction', ['ASC', 'DESC'], false) ?? 'ASC' }];
	}
	const conditions = readConditions(inputs);
	if (conditions) query.filters = conditions;
	const columns = inputs.list('options.includeColumns', 'Columns');
	if (columns.length > 0) query.includeColumns = [...new Set(columns)];
	const tickets: IDataObject[] = [];
	await readBoard(this, client, boardId, query, {
		pageSize,
		limit,
		visit(page) {
			for (const ticket of page) tickets.push(ticket);
			return true;
		},
	});
	return rows(tickets);
}

/** Rules as NinjaOne takes them: field, operator and value as text. */
function readConditions(inputs: ItemInputs): IDataObject[] | undefined {
	const list = inputs.array('filters.conditions', 'Conditions');
	return list?.map((entry, i) => {
		const rule = entry as IDataObject;
		const ok = typeof entry === 'object' && entry !== null && !Array.isArray(entry) && typeof rule.field === 'string' && typeof rule.operator === 'string';
		if (!ok) inputs.fail('Conditions', `entry ${i} must be {"field": <text>, "operator": <text>, "value": <text>}`);
		const value = rule.value;
		if (value !== undefined && value !== null && typeof value === 'object') inputs.fail('Conditions', `entry ${i}: "value" must be text, got an object`);
		return { field: rule.field, operator: rule.operator, ...(value !== undefined && value !== null ? { value: String(value) } : {}) };
	});
}
