import type { IExecuteFunctions } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { pagedList, readLimit } from '../listing';
import { locator, optionalLocatorId } from '../locators';

/** Every location, paged by NinjaOne; the locations of one organization come in one answer. */
const allLocations = pagedList('location', 'getMany', { path: () => '/v2/locations' });

export const description = forOperation('location', 'getMany', [
	locator('organization', {
		required: false,
		description: 'Only the locations of this organization. Leave empty for the locations of every organization.',
	}),
]).concat(allLocations.description);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const organizationId = optionalLocatorId(inputs, 'organization');
	if (organizationId === undefined) return await allLocations.execute.call(this, inputs, client);
	const limit = readLimit(inputs);
	const answer = await client.call(this, 'GET', `/v2/organization/${organizationId}/locations`);
	if (!Array.isArray(answer)) throw new Error('NinjaOne answered the organization\'s locations with something other than a list');
	return rows((limit === undefined ? answer : answer.slice(0, limit)).map((location) => ({ ...location, organizationId })));
}
