import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NinjaOne } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import { SEARCH_PAGE_SIZE } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/methods/listSearch';
import { nodeTypes } from '../harness/nodeTypes';
import { CREDENTIAL, fixturePerFile, NINJA_TYPE } from './fixture';

/* The editor's pickers, loaded as n8n does: in a LoadOptionsContext of the node, through the
   node's own request path, against the spec-checking simulator. */

const f = fixturePerFile();

type Method = keyof NinjaOne['methods']['listSearch'];

async function search(method: Method, parameters: INodeParameters, filter?: string, token?: string) {
	const node: INode = {
		id: 'node',
		name: 'NinjaOne',
		type: NINJA_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: CREDENTIAL,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: f.helper,
		currentNodeParameters: parameters,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.x');
	return await new NinjaOne().methods.listSearch[method].call(context, filter, token);
}

const apiRequests = (route: string | RegExp) => f.sim.server.requests(route);

describe('Device picker', () => {
	test('lists devices by name with their ID as the value, in one page when they fit', async () => {
		const { results, paginationToken } = await search('searchDevices', { resource: 'device', operation: 'reboot' });
		expect(results).toHaveLength(30);
		expect(results[0]).toEqual({ name: 'host-0001 (1)', value: '1' });
		expect(paginationToken).toBeUndefined();
		const [request] = apiRequests('GET /v2/devices');
		expect(request.query.get('pageSize')).toBe(String(SEARCH_PAGE_SIZE));
		expect(request.query.get('after')).toBeNull();
	});

	test('lists every device when the server caps its pages below the asked size', async () => {
		f.sim.pageCap = 12;
		const { results, paginationToken } = await search('searchDevices', {});
		expect(results.map((r) => r.value)).toEqual(range(1, 30).map(String));
		expect(paginationToken).toBeUndefined();
		expect(apiRequests('GET /v2/devices').map((r) => r.query.get('after'))).toEqual([null, '12', '24']);
	});

	test('pages by the last ID, and the next-page token advances until the list ends', async () => {
		f.sim.seed({ organizations: 1, devices: 620 });
		const first = await search('searchDevices', {});
		expect(first.results).toHaveLength(SEARCH_PAGE_SIZE);
		expect(first.paginationToken).toBe('100');
		const second = await search('searchDevices', {}, undefined, first.paginationToken);
		expect(second.results[0].value).toBe('101');
		expect(second.paginationToken).toBe('200');
		expect(apiRequests('GET /v2/devices').map((r) => r.query.get('after'))).toEqual([null, '100']);
	});

	test('filters by what the user types, reading further pages until enough match', async () => {
		f.sim.seed({ organizations: 1, devices: 350 });
		const { results, paginationToken } = await search('searchDevices', {}, 'HOST-03');
		// HOST-0300..0350, on the third and fourth page: the search reads on past pages without a match.
		expect(results.map((r) => r.value)).toEqual(range(300, 350).map(String));
		expect(paginationToken).toBeUndefined();
		expect(apiRequests('GET /v2/devices').map((r) => r.query.get('after'))).toEqual([null, '100', '200', '300']);
	});
});

describe('Organization, location and policy pickers', () => {
	test('organizations by name, filtered', async () => {
		expect((await search('searchOrganizations', {})).results).toEqual([
			{ name: 'Customer 1', value: '1' },
			{ name: 'Customer 2', value: '2' },
			{ name: 'Customer 3', value: '3' },
		]);
		expect((await search('searchOrganizations', {}, 'customer 2')).results).toEqual([{ name: 'Customer 2', value: '2' }]);
	});

	test('locations of the chosen organization, whichever way it was chosen', async () => {
		const fromList = await search('searchLocations', { organizationId: { __rl: true, mode: 'list', value: '2' } });
		expect(fromList.results).toEqual([
			{ name: 'Head Office', value: '3' },
			{ name: 'Branch', value: '4' },
		]);
		const byUrl = await search('searchLocations', {
			organizationId: { __rl: true, mode: 'url', value: 'https://app.ninjarmm.com/#/customerDashboard/3/overview' },
		}, 'branch');
		expect(byUrl.results).toEqual([{ name: 'Branch', value: '6' }]);
		expect(apiRequests(/^GET \/v2\/organization\/\d+\/locations$/).map((r) => r.pathname)).toEqual([
			'/v2/organization/2/locations',
			'/v2/organization/3/locations',
		]);
	});

	test('every location, paged, while no organization is chosen', async () => {
		const { results } = await search('searchLocations', { organizationId: { __rl: true, mode: 'list', value: '' } });
		expect(results.map((r) => r.value)).toEqual(['1', '2', '3', '4', '5', '6']);
		// They fit in one page, which is asked once more (a server may cap its pages): that one comes back empty.
		expect(apiRequests('GET /v2/locations').map((r) => r.query.get('after'))).toEqual([null, '6']);
	});

	test('policies by name, filtered by name or node class', async () => {
		const { results } = await search('searchPolicies', {}, 'server');
		expect(results.map((r) => r.name)).toEqual(['Servers (strict patching) (13)', 'Windows Servers (11)']);
	});
});

function range(from: number, to: number): number[] {
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
