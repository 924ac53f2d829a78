// Generated from common/envelope.ts by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.
import type { IBinaryKeyData, IDataObject, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What an operation returns when each element should become its own output item. */
export class Rows {
	constructor(readonly items: unknown[]) {}
}

export const rows = (items: unknown[]): Rows => new Rows(items);

/** A result that carries a file: the item keeps it as its binary data. */
export class WithBinary {
	constructor(
		readonly result: unknown,
		readonly binary: IBinaryKeyData,
	) {}
}

export const withBinary = (result: unknown, binary: IBinaryKeyData): WithBinary => new WithBinary(result, binary);

/** The results kept by failures that still have one worth keeping. */
const partialResults = new WeakMap<object, unknown>();

/**
 * A failure that still has a result worth keeping (a run that reached some Engines but not
 * others): the item is marked failed and keeps the result.
 */
export function failedWithResult(node: INode, message: string, result: unknown): NodeOperationError {
	const error = new NodeOperationError(node, message);
	partialResults.set(error, result);
	return error;
}

/** The result a failure kept, or null. */
export function partialResultOf(error: unknown): unknown {
	return typeof error === 'object' && error !== null ? (partialResults.get(error) ?? null) : null;
}

export type NodeFailure = NodeApiError | NodeOperationError;

/**
 * Appends the success items of one input item to `output`: one per row for `rows(...)`, else one.
 * One by one (spreading 100,000+ rows into push() overflows the call stack), straight into
 * `output`: a mapped copy and an iterator per row cost 7 MiB of garbage per 100,000 rows and
 * raised the peak RSS (measured, bench case 6b).
 */
export function appendSuccessItems(output: INodeExecutionData[], result: unknown, itemIndex: number): void {
	if (result instanceof WithBinary) {
		output.push({ json: { has_error: false, error: null, result: toJsonValue(result.result) } as IDataObject, binary: result.binary, pairedItem: { item: itemIndex } });
		return;
	}
	const results = result instanceof Rows ? result.items : [result];
	// One pairing object for all rows of the item: n8n only reads it, and a list of 100,000 rows
	// keeps 100,000 fewer objects (3 MiB of heap).
	const pairedItem = { item: itemIndex };
	for (let i = 0; i < results.length; i++) {
		output.push({ json: { has_error: false, error: null, result: toJsonValue(results[i]) } as IDataObject, pairedItem });
	}
}

/**
 * The failed item. Under "Continue" it is the envelope on the success output. Under "Continue
 * (using error output)" it also carries `item.error`, which is what makes n8n route it to the
 * error output; n8n-core then replaces its JSON with `{ error: <message> }` (normalizeNodeErrors),
 * so `item.error` is set only there, never where the envelope must survive.
 */
export function failureItem(
	error: NodeFailure,
	itemIndex: number,
	result: unknown = null,
	routedToErrorOutput = false,
): INodeExecutionData {
	return {
		json: { has_error: true, error: error.message, result: toJsonValue(result) } as IDataObject,
		...(routedToErrorOutput ? { error } : {}),
		pairedItem: { item: itemIndex },
	};
}

/** An API answered with an empty body (204): `null`, so callers can supply a confirmation. */
function toJsonValue(value: unknown): IDataObject | IDataObject[] | string | number | boolean | null {
	if (value === undefined || value === '') return null;
	return value as IDataObject;
}

export function isJsonObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
