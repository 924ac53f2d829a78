import type { IDataObject } from 'n8n-workflow';

import { pairedIndex } from '../harness/engine';
import { NinjaOneFixture } from './fixture';

/* Every row of the README's NinjaOne table, run in n8n's engine against the simulator, which
   rejects any request the published OpenAPI spec does not allow. */

const f = new NinjaOneFixture({ organizations: 3, devices: 30 });
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());
beforeEach(() => {
	f.sim.seed({ organizations: 3, devices: 30 });
	f.sim.server.reset();
	f.sim.reboots = [];
	f.sim.scriptRuns = [];
	f.sim.serviceControls = [];
	f.useGrant('clientCredentials');
});
afterEach(() => expect(f.sim.violations).toEqual([]));

const api = (route: string) => f.sim.server.requests(route).filter((r) => r.pathname.startsWith('/v2'));
const only = (json: IDataObject[]) => {
	expect(json).toHaveLength(1);
	expect(json[0]).toMatchObject({ has_error: false, error: null });
	expect(Object.keys(json[0]).sort()).toEqual(['error', 'has_error', 'result']);
	return json[0].result as IDataObject;
};

describe('Organization', () => {
	it('creates one from a template with locations, policies, user data, tags and fields', async () => {
		const run = await f.run({
			resource: 'organization',
			operation: 'create',
			name: 'Acme',
			templateOrganizationId: '1',
			additionalFields: {
				description: 'New customer',
				nodeApprovalMode: 'MANUAL',
				userData: '{"contract": "gold"}',
				tags: '["vip", "eu"]',
				fields: '{"region": "EMEA"}',
				locations: '[{"name": "HQ", "address": "1 Main St"}, {"name": "Lab"}]',
				policies: '[{"nodeRoleId": 1, "policyId": 7}]',
			},
		});
		const result = only(run.json);
		expect(result).toMatchObject({ name: 'Acme', nodeApprovalMode: 'MANUAL', userData: { contract: 'gold' } });
		const [request] = api('POST /v2/organizations');
		expect(request.query.get('templateOrganizationId')).toBe('1');
		expect(request.body).toEqual({
			name: 'Acme',
			description: 'New customer',
			nodeApprovalMode: 'MANUAL',
			userData: { contract: 'gold' },
			tags: ['vip', 'eu'],
			fields: { region: 'EMEA' },
			locations: [{ name: 'HQ', address: '1 Main St' }, { name: 'Lab' }],
			policies: [{ nodeRoleId: 1, policyId: 7 }],
		});
		expect(f.sim.organizations.get(result.id as number)?.locations).toHaveLength(2);
	});

	it('takes JSON fields from expressions that yield objects', async () => {
		const run = await f.run(
			{
				resource: 'organization',
				operation: 'create',
				name: '={{ $json.name }}',
				additionalFields: { userData: '={{ $json.meta }}', locations: '={{ $json.sites }}' },
			},
			[{ name: 'FromWebhook', meta: { tier: 2 }, sites: [{ name: 'Zurich' }] }],
		);
		expect(only(run.json)).toMatchObject({ name: 'FromWebhook', userData: { tier: 2 } });
		expect(api('POST /v2/organizations')[0].body).toEqual({
			name: 'FromWebhook',
			userData: { tier: 2 },
			locations: [{ name: 'Zurich' }],
		});
	});

	it('omits tags and fields when they are empty', async () => {
		await f.run({ resource: 'organization', operation: 'create', name: 'Plain', additionalFields: {} });
		expect(api('POST /v2/organizations')[0].body).toEqual({ name: 'Plain' });
	});

	it('updates fields and, when given, the policy mappings with a second call', async () => {
		const run = await f.run({
			resource: 'organization',
			operation: 'update',
			organizationId: '2',
			updateFields: { name: 'Renamed', nodeApprovalMode: 'REJECT', policies: '[{"nodeRoleId": 2, "policyId": 9}]' },
		});
		const result = only(run.json);
		expect(result).toMatchObject({
			organizationId: 2,
			updated: { name: 'Renamed', nodeApprovalMode: 'REJECT' },
			policies: [{ nodeRoleId: 2, policyId: 9 }],
		});
		expect(Array.isArray(result.affectedDeviceIds)).toBe(true);
		expect(api('PATCH /v2/organization/2')[0].body).toEqual({ name: 'Renamed', nodeApprovalMode: 'REJECT' });
		expect(api('PUT /v2/organization/2/policies')[0].body).toEqual([{ nodeRoleId: 2, policyId: 9 }]);
		expect(f.sim.organizations.get(2)?.name).toBe('Renamed');
	});

	it('updates without the policy call when no policies are given', async () => {
		await f.run({ resource: 'organization', operation: 'update', organizationId: '1', updateFields: { description: 'x' } });
		expect(api('PUT')).toHaveLength(0);
	});
});

describe('Location', () => {
	it('creates a location', async () => {
		const run = await f.run({
			resource: 'location',
			operation: 'create',
			organizationId: '1',
			name: 'Warehouse',
			additionalFields: { address: 'Dock 4', description: 'Storage', userData: '{"floor": 1}', tags: '["t"]' },
		});
		expect(only(run.json)).toMatchObject({ name: 'Warehouse', address: 'Dock 4' });
		expect(api('POST /v2/organization/1/locations')[0].body).toEqual({
			name: 'Warehouse',
			address: 'Dock 4',
			description: 'Storage',
			userData: { floor: 1 },
			tags: ['t'],
		});
	});

	it('updates a location', async () => {
		const run = await f.run({
			resource: 'location',
			operation: 'update',
			organizationId: '1',
			locationId: '1',
			updateFields: { name: 'Main Office', fields: '{"code": "MO"}' },
		});
		expect(only(run.json)).toMatchObject({ id: 1, name: 'Main Office' });
		expect(api('PATCH /v2/organization/1/locations/1')[0].body).toEqual({ name: 'Main Office', fields: { code: 'MO' } });
	});
});

describe('Device', () => {
	it('lists devices with a filter, one item per device', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', filter: 'org = 2', returnAll: true });
		expect(run.json.length).toBe(10);
		expect(run.json.every((j) => (j.result as IDataObject).organizationId === 2)).toBe(true);
		expect(run.items.every((item) => pairedIndex(item) === 0)).toBe(true);
		expect(api('GET /v2/devices')[0].query.get('df')).toBe('org = 2');
	});

	it('gets the dashboard link as JSON', async () => {
		const run = await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '5' });
		expect(only(run.json).url).toMatch(/deviceDashboard\/5/);
		expect(api('GET /v2/device/5/dashboard-url')[0].query.get('redirect')).toBe('false');
	});

	it('returns the redirect target instead of following it', async () => {
		const run = await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '5', redirect: true });
		expect(only(run.json)).toMatchObject({ deviceId: 5, redirect: true });
		expect(only(run.json).url).toMatch(/deviceDashboard\/5/);
		expect(f.sim.server.log.filter((r) => r.pathname === '/')).toHaveLength(0);
	});

	it('updates a device and confirms what it sent', async () => {
		const run = await f.run({
			resource: 'device',
			operation: 'update',
			deviceId: '3',
			updateFields: { displayName: 'reception-pc', userData: '{"desk": 4}', nodeRoleId: '2', policyId: '11' },
		});
		const body = { displayName: 'reception-pc', userData: { desk: 4 }, nodeRoleId: 2, policyId: 11 };
		expect(only(run.json)).toEqual({ deviceId: 3, updated: body });
		expect(api('PATCH /v2/device/3')[0].body).toEqual(body);
		expect(f.sim.devices[2].displayName).toBe('reception-pc');
	});

	it('approves pending devices', async () => {
		const run = await f.run({ resource: 'device', operation: 'approveOrReject', mode: 'APPROVE', deviceIds: '[10, 20]' });
		expect(only(run.json)).toEqual({ mode: 'APPROVE', devices: [10, 20] });
		expect(api('POST /v2/devices/approval/APPROVE')[0].body).toEqual({ devices: [10, 20] });
		expect(f.sim.devices.find((d) => d.id === 10)?.approvalStatus).toBe('APPROVED');
	});

	it('rejects devices given as comma-separated text', async () => {
		const run = await f.run({ resource: 'device', operation: 'approveOrReject', mode: 'REJECT', deviceIds: '10, 20' });
		expect(only(run.json)).toEqual({ mode: 'REJECT', devices: [10, 20] });
		expect(f.sim.devices.find((d) => d.id === 10)).toBeUndefined();
	});

	it('reboots a device', async () => {
		const run = await f.run({ resource: 'device', operation: 'reboot', deviceId: '1', mode: 'FORCED', reason: 'Patch day' });
		expect(only(run.json)).toEqual({ deviceId: 1, mode: 'FORCED', reason: 'Patch day', requested: true });
		expect(api('POST /v2/device/1/reboot/FORCED')[0].body).toEqual({ reason: 'Patch day' });
		expect(f.sim.reboots).toEqual([{ deviceId: 1, mode: 'FORCED', reason: 'Patch day' }]);
	});

	it('schedules maintenance from the seed\'s short offset form, sent as ISO 8601 in UTC', async () => {
		const run = await f.run({
			resource: 'device',
			operation: 'scheduleMaintenance',
			deviceId: '2',
			disabledFeatures: ['ALERTS', 'PATCHING'],
			start: '2030-07-16T00:00:00-4:00',
			end: '2030-07-16T06:30:00-04:00',
			options: { reasonMessage: 'Upgrade' },
		});
		expect(api('PUT /v2/device/2/maintenance')[0].body).toEqual({
			disabledFeatures: ['ALERTS', 'PATCHING'],
			start: '2030-07-16T04:00:00.000Z',
			end: '2030-07-16T10:30:00.000Z',
			reasonMessage: 'Upgrade',
		});
		expect(only(run.json)).toMatchObject({
			deviceId: 2,
			start: '2030-07-16T04:00:00.000Z',
			end: '2030-07-16T10:30:00.000Z',
		});
		// The window NinjaOne keeps is the one asked for: July 2030, six and a half hours.
		expect(f.sim.devices[1].maintenance).toMatchObject({ start: Date.UTC(2030, 6, 16, 4) / 1000, end: Date.UTC(2030, 6, 16, 10, 30) / 1000 });
	});

	it.each([
		['seconds', Date.UTC(2030, 6, 16, 4) / 1000],
		['milliseconds', Date.UTC(2030, 6, 16, 4)],
	])('sends epoch %s when Time Format asks for them', async (timeFormat, start) => {
		await f.run({
			resource: 'device',
			operation: 'scheduleMaintenance',
			deviceId: '2',
			disabledFeatures: ['ALERTS'],
			start: '2030-07-16T04:00:00Z',
			end: '2030-07-16T10:00:00Z',
			options: { timeFormat },
		});
		expect(api('PUT /v2/device/2/maintenance')[0].body).toMatchObject({ start, end: start + 6 * 3600 * (timeFormat === 'seconds' ? 1 : 1000) });
	});

	it('reads a time without offset in the workflow\'s time zone, and takes features as JSON text', async () => {
		await f.run(
			{
				resource: 'device',
				operation: 'scheduleMaintenance',
				deviceId: '2',
				disabledFeatures: '["TASKS"]',
				start: '2030-01-10T22:00:00',
				end: '2030-01-11T02:00:00',
			},
			[{}],
			{ timezone: 'Europe/Zurich' },
		);
		expect(api('PUT /v2/device/2/maintenance')[0].body).toMatchObject({
			disabledFeatures: ['TASKS'],
			start: '2030-01-10T21:00:00.000Z',
			end: '2030-01-11T01:00:00.000Z',
		});
	});

	it('cancels maintenance', async () => {
		f.sim.devices[1].maintenance = { status: 'PENDING' };
		const run = await f.run({ resource: 'device', operation: 'cancelMaintenance', deviceId: '2' });
		expect(only(run.json)).toEqual({ deviceId: 2, maintenanceCancelled: true });
		expect(api('DELETE /v2/device/2/maintenance')).toHaveLength(1);
		expect(f.sim.devices[1].maintenance).toBeNull();
	});
});

describe('Windows Service', () => {
	it('lists services filtered by name and state', async () => {
		const run = await f.run({
			resource: 'windowsService',
			operation: 'list',
			deviceId: '1',
			filters: { name: 'wuauserv', state: 'RUNNING' },
		});
		expect(run.json).toHaveLength(1);
		expect(run.json[0].result).toMatchObject({ serviceName: 'wuauserv', state: 'RUNNING' });
		const [request] = api('GET /v2/device/1/windows-services');
		expect(Object.fromEntries(request.query)).toEqual({ name: 'wuauserv', state: 'RUNNING' });
	});

	it('controls a service', async () => {
		const run = await f.run({ resource: 'windowsService', operation: 'control', deviceId: '1', serviceId: 'Spooler', action: 'STOP' });
		expect(only(run.json)).toEqual({ deviceId: 1, serviceId: 'Spooler', action: 'STOP' });
		expect(api('POST /v2/device/1/windows-service/Spooler/control')[0].body).toEqual({ action: 'STOP' });
		expect(f.sim.serviceControls).toHaveLength(1);
	});

	it('encodes a service ID with spaces and slashes into one path segment', async () => {
		const run = await f.run(
			{ resource: 'windowsService', operation: 'control', deviceId: '1', serviceId: 'a/b c', action: 'START' },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(f.sim.server.log.some((r) => r.pathname === '/v2/device/1/windows-service/a%2Fb%20c/control')).toBe(true);
		expect(run.json[0]).toMatchObject({ has_error: true });
		expect(run.json[0].error).toMatch(/SERVICE_NOT_FOUND|not found/);
	});
});

describe('Script', () => {
	it('lists scripting options', async () => {
		const run = await f.run({ resource: 'script', operation: 'listOptions', deviceId: '1', lang: 'en' });
		expect((only(run.json).scripts as IDataObject[]).length).toBeGreaterThan(0);
		expect(api('GET /v2/device/1/scripting/options')[0].query.get('lang')).toBe('en');
	});

	it('runs a script with an authorization-code credential', async () => {
		f.useGrant('authorizationCode');
		const run = await f.run({
			resource: 'script',
			operation: 'run',
			deviceId: '4',
			type: 'SCRIPT',
			scriptId: '101',
			parameters: '-Force',
			runAs: 'system',
		});
		expect(only(run.json)).toEqual({ deviceId: 4, type: 'SCRIPT', id: 101, parameters: '-Force', runAs: 'system', requested: true });
		expect(f.sim.scriptRuns).toEqual([{ deviceId: 4, type: 'SCRIPT', id: 101, parameters: '-Force', runAs: 'system' }]);
	});

	it('runs a built-in action by UID', async () => {
		f.useGrant('authorizationCode');
		await f.run({
			resource: 'script',
			operation: 'run',
			deviceId: '4',
			type: 'ACTION',
			actionUid: '6e2d5a36-0f0f-4b5c-9a1e-2b5c1d7e8f90',
		});
		expect(api('POST /v2/device/4/script/run')[0].body).toEqual({ type: 'ACTION', uid: '6e2d5a36-0f0f-4b5c-9a1e-2b5c1d7e8f90' });
	});

	it('explains user_context_required with a client-credentials token', async () => {
		const run = await f.run(
			{ resource: 'script', operation: 'run', deviceId: '4', type: 'SCRIPT', scriptId: '101' },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.json[0]).toMatchObject({ has_error: true, result: null });
		expect(run.json[0].error).toMatch(/403.*user_context_required.*Authorization Code/);
	});
});

describe('Alert', () => {
	it('lists active alerts with every filter', async () => {
		const run = await f.run({
			resource: 'alert',
			operation: 'listActive',
			returnAll: true,
			filters: { sourceType: 'AGENT_OFFLINE', df: 'org = 1', lang: 'en', tz: 'Europe/Zurich' },
		});
		expect(run.json.length).toBeGreaterThan(0);
		expect(run.json.every((j) => (j.result as IDataObject).sourceType === 'AGENT_OFFLINE')).toBe(true);
		expect(Object.fromEntries(api('GET /v2/alerts')[0].query)).toEqual({
			sourceType: 'AGENT_OFFLINE',
			df: 'org = 1',
			lang: 'en',
			tz: 'Europe/Zurich',
		});
	});

	it('applies the limit', async () => {
		const run = await f.run({ resource: 'alert', operation: 'listActive', returnAll: false, limit: 2 });
		expect(run.json).toHaveLength(2);
	});
});

describe('Installer', () => {
	it.each(['WINDOWS_MSI', 'WINDOWS_ARM64_MSI', 'MAC_DMG', 'MAC_PKG', 'LINUX_DEB', 'LINUX_RPM', 'LINUX_ARM64_DEB', 'LINUX_ARMV7A_DEB', 'LINUX_ARM64_RPM', 'LINUX_ARMV7A_RPM'])(
		'generates a %s installer link',
		async (installerType) => {
			const run = await f.run({ resource: 'installer', operation: 'generate', organizationId: '1', locationId: '2', installerType });
			expect(only(run.json)).toMatchObject({ organizationId: 1, locationId: 2, installerType });
			expect(only(run.json).url).toMatch(/^http:\/\/127\.0\.0\.1/);
			expect(api(`GET /v2/organization/1/location/2/installer/${installerType}`)).toHaveLength(1);
		},
	);
});

it('pairs every output item with its input item', async () => {
	const run = await f.run({ resource: 'device', operation: 'reboot', deviceId: '={{ $json.id }}', mode: 'NORMAL' }, [
		{ id: 1 },
		{ id: 2 },
		{ id: 5 },
	]);
	expect(run.items.map((item) => pairedIndex(item))).toEqual([0, 1, 2]);
	expect(f.sim.reboots.map((r) => r.deviceId)).toEqual([1, 2, 5]);
});
