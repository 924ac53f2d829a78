import type { ItemInputs } from '../../../shared/inputs';
import { nqlIdLocator, readNqlId } from '../fields';

/** An Infinity remote action: picked from the list the API gives, or by its NQL ID. */
export const remoteActionLocator = nqlIdLocator(
	'remoteActionId',
	'Remote Action',
	'searchRemoteActions',
	'#restart_service',
	'The NQL ID of the remote action, as Remote Action > List gives it',
);

export function readRemoteActionId(inputs: ItemInputs): string {
	return readNqlId(inputs, 'remoteActionId', 'Remote Action', '#restart_service');
}
