import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locator, locatorId } from '../locators';

export const description = forOperation('organization', 'get', [locator('organization')]);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	return await client.call(this, 'GET', `/v2/organization/${locatorId(inputs, 'organization')}`);
}
