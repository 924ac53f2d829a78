import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_LIMIT, optionsCollection, returnAllOrLimit } from '../../shared/descriptions';
import { forOperation } from '../../shared/display';
import { isJsonObject, rows } from '../../shared/envelope';
import type { ItemInputs } from '../../shared/inputs';
import { collectByNamedCursor } from '../../shared/pagination';
import type { RequestContext } from '../../shared/request';
import type { Operation } from '../../shared/router';
import type { NinjaOneClient } from '../transport';

/* The Get Many operations that differ only by path and parameters: a list NinjaOne returns
   whole, or one it pages by "after the last ID". One item per row, Return All or a Limit. */

export type NinjaOneOperation = Operation<NinjaOneClient>;

interface ListSpec {
	/** Parameters before Return All / Limit (pickers, filters). */
	properties?: INodeProperties[];
	/** Options after Return All / Limit. */
	options?: INodeProperties[];
	path(inputs: ItemInputs): string;
	qs?(inputs: ItemInputs): IDataObject;
}

/** Return All, or the Limit (50 unless given). */
export function readLimit(inputs: ItemInputs): number | undefined {
	return inputs.boolean('returnAll') ? undefined : (inputs.number('limit', 'Limit', { min: 1, integer: true }) ?? DEFAULT_LIMIT);
}

/** A list NinjaOne answers in one response. */
export function wholeList(resource: string, operation: string, spec: ListSpec): NinjaOneOperation {
	return {
		description: forOperation(resource, operation, [
			...(spec.properties ?? []),
			...returnAllOrLimit({}),
			...(spec.options?.length ? [optionsCollection(spec.options)] : []),
		]),
		async execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient) {
			const path = spec.path(inputs);
			const qs = spec.qs?.(inputs) ?? {};
			const limit = readLimit(inputs);
			const answer = await client.call(this, 'GET', path, Object.keys(qs).length ? { qs } : {});
			if (!Array.isArray(answer)) throw new Error(`NinjaOne answered ${path} with something other than a list`);
			return rows(limit === undefined ? answer : answer.slice(0, limit));
		},
	};
}

export const DEFAULT_PAGE_SIZE = 1000;

const pageSizeOption: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10000 },
	default: DEFAULT_PAGE_SIZE,
	description: 'Rows asked for per request; each page is one request under the throttle',
};

/** A list NinjaOne pages by `after` (the last row's ID) and `pageSize`. */
export function pagedList(resource: string, operation: string, spec: ListSpec): NinjaOneOperation {
	return {
		description: forOperation(resource, operation, [
			...(spec.properties ?? []),
			...returnAllOrLimit({}),
			optionsCollection([...(spec.options ?? []), pageSizeOption]),
		]),
		async execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient) {
			const path = spec.path(inputs);
			const qs = spec.qs?.(inputs) ?? {};
			const limit = readLimit(inputs);
			const pageSize = inputs.number('options.pageSize', 'Page Size', { min: 1, max: 10000, integer: true }) ?? DEFAULT_PAGE_SIZE;
			return rows(await client.list(this, path, qs, pageSize, limit));
		},
	};
}

/** The Operation parameter of a resource. */
export function operationProperty(resource: string, options: INodePropertyOptions[], defaultOperation: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** A resource whose one operation is Get Many: its operation map and description. */
export function getManyResource(
	resource: string,
	getMany: NinjaOneOperation,
	action: string,
	description: string,
): { operations: { getMany: NinjaOneOperation }; description: INodeProperties[] } {
	return {
		operations: { getMany },
		description: [operationProperty(resource, [{ name: 'Get Many', value: 'getMany', action, description }], 'getMany'), ...getMany.description],
	};
}

/**
 * A list paged by NinjaOne's named server-side cursor (`{cursor: {name, offset}, results}`): each
 * page one request under the throttle. `minPageSize` is the smallest page the endpoint allows.
 */
export async function namedCursorList(
	ctx: RequestContext,
	client: NinjaOneClient,
	path: string,
	qs: IDataObject,
	pageSize: number,
	limit: number | undefined,
	minPageSize = 1,
): Promise<unknown[]> {
	return await collectByNamedCursor(
		async (cursor, size) => {
			// Rows beyond the limit that a minimum page brings are cut by the pager.
			const answer = await client.call(ctx, 'GET', path, { qs: { ...qs, pageSize: Math.max(size, minPageSize), ...(cursor ? { cursor } : {}) } });
			if (!isJsonObject(answer) || !Array.isArray(answer.results)) {
				throw new Error(`NinjaOne answered ${path} without a list of results`);
			}
			const position = isJsonObject(answer.cursor) ? answer.cursor : {};
			return {
				rows: answer.results,
				cursor: typeof position.name === 'string' && position.name !== '' ? position.name : undefined,
				offset: typeof position.offset === 'number' ? position.offset : undefined,
			};
		},
		pageSize,
		limit,
	);
}
