import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NexthinkClient } from '../../transport';
import { readWorkflowId, workflowLocator } from './workflowLocator';

export const description = forOperation('workflow', 'get', [workflowLocator]);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NexthinkClient): Promise<unknown> {
	const nqlId = readWorkflowId(inputs);
	const answer = await client.infinity.call(this, 'GET', '/api/v1/workflows/details', { qs: { nqlId } });
	// The API answers with a list, which holds the one workflow configured under that NQL ID.
	const workflow = Array.isArray(answer) ? answer[0] : answer;
	if (workflow === undefined || workflow === null) {
		throw new Error(`Nexthink Infinity has no workflow with NQL ID ${nqlId}: Workflow > Get Many gives the IDs`);
	}
	return workflow;
}
