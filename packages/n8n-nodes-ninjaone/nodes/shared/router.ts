// Generated from common/router.ts by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { appendSuccessItems, failureItem, type NodeFailure, partialResultOf, Rows, rows } from './envelope';
import { ItemInputs } from './inputs';
import { RequestClock } from './throttle';
import { type OutputShape, shapeOutput, type ToolTraits } from './tools';

/** One operation: its parameters and what it does for one input item. */
export interface Operation<Client> extends ToolTraits {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, inputs: ItemInputs, client: Client): Promise<unknown>;
}

export type OperationMap<Client> = Record<string, Record<string, Operation<Client>>>;

export const DEFAULT_INTERVAL = 300;

/**
 * Runs the chosen operation for every input item: one request clock for the whole execution,
 * one envelope per result, and failures either thrown or, under "Continue", kept as items.
 */
export async function runOperations<Client>(
	this: IExecuteFunctions,
	operations: OperationMap<Client>,
	makeClient: (clock: RequestClock) => Client,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const signal = this.getExecutionCancelSignal?.();
	const clock = new RequestClock(DEFAULT_INTERVAL, signal);
	const client = makeClient(clock);
	const output: INodeExecutionData[] = [];
	const routedToErrorOutput = this.getNode().onError === 'continueErrorOutput';
	// As an AI agent's tool ("<Node> Tool"), a failure is an answer the model can act on, not an
	// error that ends the agent's run.
	const asTool = isToolVariant(this);
	const failuresAsItems = asTool || this.continueOnFail();

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const inputs = new ItemInputs(this, itemIndex);
			const resource = inputs.string('resource');
			const operationName = inputs.string('operation');
			const operation = operations[resource]?.[operationName];
			if (!operation) inputs.fail('Operation', `"${resource}: ${operationName}" is not supported`);
			clock.interval =
				inputs.number('requestInterval', 'Request Interval (Milliseconds)', { min: 0, max: 3_600_000 }) ??
				DEFAULT_INTERVAL;
			clock.timeout = (inputs.number('requestTimeout', 'Timeout (Seconds)', { min: 1 }) ?? 60) * 1000;
			const result = await operation.execute.call(this, inputs, client);
			const answer = operation.output ? shaped(inputs, operation.output, result) : result;
			// An empty list is an answer too: without an item the agent would receive an empty text.
			appendSuccessItems(output, asTool && answer instanceof Rows && answer.items.length === 0 ? [] : answer, itemIndex);
		} catch (error) {
			// n8n marks the execution cancelled itself; the rest of the items are not run.
			if (signal?.aborted) throw new NodeOperationError(this.getNode(), 'The execution was cancelled', { itemIndex });
			const failure = asNodeFailure(this, error, itemIndex);
			if (!failuresAsItems) throw failure;
			output.push(failureItem(failure, itemIndex, partialResultOf(error), routedToErrorOutput));
		}
	}
	return [output];
}

/** Whether the node runs as n8n's tool variant of itself (type `<package>.<node>Tool`). */
export function isToolVariant(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

function shaped(inputs: ItemInputs, shape: OutputShape, result: unknown): unknown {
	if (result instanceof Rows) return rows(result.items.map((row) => shapeOutput(inputs, shape, row)));
	return shapeOutput(inputs, shape, result);
}

function asNodeFailure(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeFailure {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}
