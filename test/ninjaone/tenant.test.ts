import { fixturePerFile, okResults } from './fixture';

/* The tenant's policies, groups, device roles, users and custom-field definitions, in n8n's
   engine against the spec-checking simulator. */

const f = fixturePerFile();

const api = (route: string) => f.sim.server.requests(route).filter((r) => r.pathname.startsWith('/v2'));
const results = okResults;

it('lists policies, up to the limit', async () => {
	const all = await f.run({ resource: 'policy', operation: 'getMany', returnAll: true });
	expect(results(all.json).map((p) => p.name)).toEqual(['Windows Workstations', 'Windows Servers', 'Mac', 'Servers (strict patching)']);
	const two = await f.run({ resource: 'policy', operation: 'getMany', returnAll: false, limit: 2 });
	expect(results(two.json)).toHaveLength(2);
});

it('lists groups, and the devices of a group as one item each', async () => {
	const groups = await f.run({ resource: 'group', operation: 'getMany', returnAll: true });
	expect(results(groups.json)).toEqual([
		expect.objectContaining({ id: 1, name: 'Offline devices', deviceCount: 4 }),
		expect.objectContaining({ id: 2, name: 'Servers', deviceCount: 4 }),
	]);
	const devices = await f.run({ resource: 'group', operation: 'getDeviceIds', groupId: '1', returnAll: true });
	expect(results(devices.json)).toEqual([4, 11, 18, 25].map((deviceId) => ({ groupId: 1, deviceId })));
	const unknown = await f.run({ resource: 'group', operation: 'getDeviceIds', groupId: '9', returnAll: true });
	expect(unknown.error?.message).toMatch(/^NinjaOne 404: Group 9 not found/);
});

it('lists device roles', async () => {
	const run = await f.run({ resource: 'deviceRole', operation: 'getMany', returnAll: true });
	expect(results(run.json).map((r) => r.name)).toEqual(['Windows Workstation', 'Mac', 'Kiosk']);
	expect(api('GET /v2/roles')).toHaveLength(1);
});

it('lists technicians and end users', async () => {
	const technicians = await f.run({ resource: 'user', operation: 'getMany', userType: 'technicians', returnAll: true });
	expect(results(technicians.json).map((u) => u.email)).toEqual(['tess@msp.example', 'nick@msp.example']);
	const endUsers = await f.run({ resource: 'user', operation: 'getMany', userType: 'end-users', returnAll: false, limit: 3 });
	expect(results(endUsers.json).map((u) => u.organizationId)).toEqual([1, 1, 2]);
});

it('lists custom field definitions from either endpoint', async () => {
	const device = await f.run({ resource: 'customField', operation: 'getMany', source: 'device', returnAll: true });
	expect(results(device.json).every((d) => d.scope === 'NODE')).toBe(true);
	const all = await f.run({ resource: 'customField', operation: 'getMany', source: 'device', returnAll: true, options: { allScopes: true } });
	expect(results(all.json).map((d) => d.name)).toContain('contractTier');
	expect(api('GET /v2/device-custom-fields')[1].query.get('scopes')).toBe('all,node,location,organization');
	const paged = await f.run({ resource: 'customField', operation: 'getMany', source: 'paged', returnAll: false, limit: 3 });
	expect(results(paged.json)).toHaveLength(3);
	// The endpoint takes pages of 5 to 500.
	expect(api('GET /v2/custom-fields')[0].query.get('pageSize')).toBe('5');
});

it('refuses a group ID that is not a number before any request', async () => {
	const run = await f.run({ resource: 'group', operation: 'getDeviceIds', groupId: 'servers', returnAll: true });
	expect(run.error?.message).toMatch(/^Group ID \(item 0\): must be a positive whole number, got "servers"/);
	expect(api('GET')).toHaveLength(0);
});
