import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locatorId } from '../locators';
import { deviceIdField } from '../fields';

export const description = forOperation('device', 'cancelMaintenance', [deviceIdField()]);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const answer = await client.call(this, 'DELETE', `/v2/device/${id}/maintenance`);
	return answer ?? { deviceId: id, maintenanceCancelled: true };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
