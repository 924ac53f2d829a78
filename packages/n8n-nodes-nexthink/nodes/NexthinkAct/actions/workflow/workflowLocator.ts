import type { ItemInputs } from '../../../shared/inputs';
import { nqlIdLocator, readNqlId } from '../fields';

/** An Infinity workflow: picked from those the API may trigger, or by its NQL ID. */
export const workflowLocator = nqlIdLocator(
	'workflowId',
	'Workflow',
	'searchWorkflows',
	'#reset_vpn',
	'The NQL ID of the workflow, as Workflow > Get Many gives it',
);

export function readWorkflowId(inputs: ItemInputs): string {
	return readNqlId(inputs, 'workflowId', 'Workflow', '#reset_vpn');
}
