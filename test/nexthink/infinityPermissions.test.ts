import { INFINITY_DEVICES, INFINITY_USERS } from '../../simulator/nexthinkInfinity';
import { NexthinkFixture } from './fixture';

/* A credential without an API's permission: each API's 403 in its own words, and which
   permission to give. */

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

test.each([
	[
		'Workflows',
		'GET /api/v1/workflows',
		{ code: 'NO_PERMISSION', details: 'Not allowed to read workflows' },
		{ resource: 'workflow', operation: 'getMany', dependency: 'DEVICE', triggerMethod: 'API' },
		/^Nexthink Infinity 403: Not allowed to read workflows \(NO_PERMISSION\)\. The API credential lacks the permission, or the workflow cannot be triggered through the API: give the credential the Workflows API permission/,
	],
	[
		'Campaigns',
		'POST /api/v1/euf/campaign/trigger',
		undefined,
		{ resource: 'campaign', operation: 'trigger', campaignNqlId: '#vpn_satisfaction', users: INFINITY_USERS[0].sid, expiresInMinutes: 60 },
		/^Nexthink Infinity 403: Forbidden: the credential lacks a permission or scope for this call\. .*give the credential the Campaigns API permission/,
	],
	[
		'Enrichment',
		'POST /api/v1/enrichment/data/fields',
		{ message: 'No permission to enrich' },
		{ resource: 'enrichment', operation: 'setFields', objects: INFINITY_DEVICES[0].name, fields: { field: [{ name: 'device/device/#location', value: 'x' }] } },
		/^Nexthink Infinity 403: No permission to enrich\. The API credential lacks the permission to enrich data: give it the Enrichment API permission$/,
	],
	[
		'NQL (export)',
		'POST /api/v1/nql/export',
		{ message: 'Not authorized to execute queries', code: 403 },
		{ resource: 'nql', operation: 'export', queryId: '#device_inventory' },
		/^Nexthink Infinity 403: Not authorized to execute queries\. The API credential lacks the permission to run NQL queries: give it the NQL API permission$/,
	],
	[
		'Workflows (by NQL ID)',
		'GET /api/v1/workflows/details',
		{ code: 'NO_PERMISSION', details: 'Not allowed' },
		{ resource: 'workflow', operation: 'get', workflowId: byId('#reset_vpn') },
		/^Nexthink Infinity 403: Not allowed \(NO_PERMISSION\)\. .*Workflows API permission/,
	],
])('%s: a 403 names the permission the API credential needs', async (_api, route, body, parameters, message) => {
	fixture.infinity.api.faults.push({ route, kind: 'status', status: 403, body });
	const run = await fixture.runInfinity(parameters, [{}], { onError: 'continueRegularOutput' });
	expect(run.json[0].error).toMatch(message);
	expect(fixture.infinity.api.requests(route)).toHaveLength(1);
});
