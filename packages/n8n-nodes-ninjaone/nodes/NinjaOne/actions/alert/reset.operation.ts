import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { alertUidField, readUuid } from './fields';

const properties: INodeProperties[] = [alertUidField];

export const description = forOperation('alert', 'reset', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const uid = readUuid(inputs, 'alertUid', 'Alert UID')!;
	const answer = await client.call(this, 'DELETE', `/v2/alert/${uid}`);
	return answer ?? { uid, reset: true };
}

/** It changes NinjaOne: the tool variant says so to the agent. */
export const changesState = true;
