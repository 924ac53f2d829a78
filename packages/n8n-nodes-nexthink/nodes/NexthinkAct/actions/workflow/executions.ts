import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sendInBatches } from '../../../shared/batches';
import { isJsonObject } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { maxPerRequestOption, readMaxPerRequest, readParameters } from '../fields';

/** The Workflows API takes at most this many devices, and as many users, per request. */
export const MAX_TARGETS = 10_000;
const NOUN = 'Targets';

export const maxTargetsOption = maxPerRequestOption(NOUN, MAX_TARGETS);

/** One target of an execution: a device or a user, in the shape the endpoint takes. */
export interface Target {
	kind: 'device' | 'user';
	value: unknown;
}

/**
 * Triggers `workflowId` on the targets, in batches of at most the cap (or the user's lower
 * number) of devices and users together, and merges the answers into one result.
 */
export async function executeWorkflow(
	ctx: IExecuteFunctions,
	inputs: ItemInputs,
	client: NexthinkClient,
	path: string,
	workflowId: string,
	targets: Target[],
): Promise<IDataObject> {
	if (targets.length === 0) inputs.fail('Devices', 'give at least one device or one user for the workflow to run on');
	const params = readParameters(inputs, 'params', 'Parameters');
	const size = readMaxPerRequest(inputs, NOUN, MAX_TARGETS);
	const resultOf = (answers: Array<{ requestUuid?: string; executionsUuids: string[]; batch: Target[] }>): IDataObject => ({
		workflowId,
		requestUuids: answers.flatMap((answer) => (answer.requestUuid ? [answer.requestUuid] : [])),
		executionsUuids: answers.flatMap((answer) => answer.executionsUuids),
		devices: answers.reduce((sum, answer) => sum + answer.batch.filter((t) => t.kind === 'device').length, 0),
		users: answers.reduce((sum, answer) => sum + answer.batch.filter((t) => t.kind === 'user').length, 0),
		batches: answers.length,
	});
	const answers = await sendInBatches(
		targets,
		size,
		async (batch) => {
			const body: IDataObject = {
				workflowId,
				devices: batch.filter((t) => t.kind === 'device').map((t) => t.value) as IDataObject[],
				users: batch.filter((t) => t.kind === 'user').map((t) => t.value) as IDataObject[],
			};
			if (params) body.params = params;
			const answer = await client.infinity.call(ctx, 'POST', path, { body });
			const uuids = isJsonObject(answer) && Array.isArray(answer.executionsUuids) ? answer.executionsUuids : [];
			return {
				requestUuid: isJsonObject(answer) && typeof answer.requestUuid === 'string' ? answer.requestUuid : undefined,
				executionsUuids: uuids.filter((uuid): uuid is string => typeof uuid === 'string'),
				batch,
			};
		},
		{ node: ctx.getNode(), noun: 'devices and users', partialResult: resultOf },
	);
	return resultOf(answers);
}
