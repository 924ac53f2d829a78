import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { forOperation } from '../../../shared/display';
import { rows } from '../../../shared/envelope';
import type { ItemInputs } from '../../../shared/inputs';
import type { NinjaOneClient } from '../../transport';
import { locator, locatorId } from '../locators';
import { type FilterName, filterCollectionsFor, readFilters } from '../queryFilters';

/* Every inventory read of one device: they differ only by path and filters. */

interface InventoryRead {
	name: string;
	/** The path after /v2/device/{id}/. */
	path: string;
	filters: FilterName[];
	description: string;
}

export const INVENTORY: InventoryRead[] = [
	{ name: 'Active Jobs', path: 'jobs', filters: ['lang', 'tz'], description: 'Jobs running on the device' },
	{ name: 'Disks', path: 'disks', filters: [], description: 'Physical disk drives' },
	{ name: 'Last Logged-On User', path: 'last-logged-on-user', filters: [], description: 'Who logged on last, and when' },
	{ name: 'Network Interfaces', path: 'network-interfaces', filters: [], description: 'Network adapters with addresses' },
	{ name: 'OS Patch Installs', path: 'os-patch-installs', filters: ['status', 'installedBefore', 'installedAfter'], description: 'History of operating system patch installations' },
	{ name: 'OS Patches', path: 'os-patches', filters: ['status', 'type', 'severity'], description: 'Pending, failed and rejected operating system patches' },
	{ name: 'Policy Overrides', path: 'policy/overrides', filters: [], description: 'Policy sections overridden on the device' },
	{ name: 'Processors', path: 'processors', filters: [], description: 'Processors' },
	{ name: 'Software', path: 'software', filters: [], description: 'Installed applications' },
	{
		name: 'Software Patch Installs',
		path: 'software-patch-installs',
		filters: ['type', 'impact', 'status', 'productIdentifier', 'installedBefore', 'installedAfter'],
		description: 'History of third-party software patch installations',
	},
	{ name: 'Software Patches', path: 'software-patches', filters: ['status', 'productIdentifier', 'type', 'impact'], description: 'Pending, failed and rejected software patches' },
	{ name: 'Volumes', path: 'volumes', filters: ['include'], description: 'Disk volumes with capacity and free space' },
];

const properties: INodeProperties[] = [
	locator('device'),
	{
		displayName: 'Inventory',
		name: 'inventory',
		type: 'options',
		options: INVENTORY.map((read) => ({ name: read.name, value: read.path, description: read.description })),
		default: 'software',
		description: 'What to read. Lists give one item per row; Last Logged-On User and Policy Overrides give one item.',
	},
	...filterCollectionsFor('inventory', INVENTORY.map((r) => ({ value: r.path, filters: r.filters }))),
];

export const description = forOperation('device', 'getInventory', properties);

export async function execute(this: IExecuteFunctions, inputs: ItemInputs, client: NinjaOneClient): Promise<unknown> {
	const id = locatorId(inputs, 'device');
	const read = INVENTORY.find((r) => r.path === inputs.string('inventory'));
	if (!read) inputs.fail('Inventory', `must be one of ${INVENTORY.map((r) => r.name).join(', ')}, got "${inputs.string('inventory')}"`);
	const qs = readFilters(inputs, read.filters);
	const answer = await client.call(this, 'GET', `/v2/device/${id}/${read.path}`, Object.keys(qs).length ? { qs } : {});
	return Array.isArray(answer) ? rows(answer.map((row) => ({ deviceId: id, ...row }))) : { deviceId: id, ...(answer as object) };
}
