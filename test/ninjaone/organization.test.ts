import { fixturePerFile, okResults } from './fixture';

/* Organization and Location: look-ups and custom fields, in n8n's engine against the
   spec-checking simulator. */

const f = fixturePerFile();

const api = (route: string | RegExp) => f.sim.server.requests(route).filter((r) => r.pathname.startsWith('/v2'));
const results = okResults;
const org = (value: string, mode = 'list') => ({ __rl: true, mode, value });

describe('Organization', () => {
	it('gets one, picked from the list, by ID or by its dashboard URL', async () => {
		for (const organizationId of [org('2'), org('2', 'id'), org('https://app.ninjarmm.com/#/customerDashboard/2/overview', 'url'), '2']) {
			const run = await f.run({ resource: 'organization', operation: 'get', organizationId });
			expect(results(run.json)).toEqual([expect.objectContaining({ id: 2, name: 'Customer 2', locations: expect.any(Array) })]);
		}
		expect(api('GET /v2/organization/2').length).toBe(4);
	});

	it('refuses a URL that is not an organization dashboard, before any request', async () => {
		const url = 'https://app.ninjarmm.com/#/deviceDashboard/2/overview';
		// Typed in, the editor's check refuses it; from an expression, the node does.
		await expect(f.run({ resource: 'organization', operation: 'get', organizationId: org(url, 'url') })).rejects.toThrow();
		const run = await f.run(
			{ resource: 'organization', operation: 'get', organizationId: org('={{ $json.url }}', 'url') },
			[{ url }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.json[0]).toMatchObject({ has_error: true, error: expect.stringMatching(/^Organization \(item 0\): is not a NinjaOne organization dashboard URL/) });
		expect(api('GET')).toHaveLength(0);
	});

	it('gets many, brief or detailed, paged by the last ID up to the limit', async () => {
		const brief = await f.run({ resource: 'organization', operation: 'getMany', returnAll: false, limit: 2, options: { pageSize: 1 } });
		expect(results(brief.json).map((o) => o.id)).toEqual([1, 2]);
		expect(results(brief.json)[0].locations).toBeUndefined();
		expect(api(/^GET \/v2\/organizations$/).map((r) => r.query.get('after'))).toEqual([null, '1']);

		const detailed = await f.run({ resource: 'organization', operation: 'getMany', returnAll: true, options: { detailed: true } });
		expect(results(detailed.json)).toHaveLength(3);
		expect(results(detailed.json)[0].locations).toHaveLength(2);
		expect(api('GET /v2/organizations-detailed')[0].query.get('pageSize')).toBe('1000');
	});

	it('gets the devices and the end users of an organization', async () => {
		const devices = await f.run({ resource: 'organization', operation: 'getDevices', organizationId: org('1'), returnAll: true });
		expect(results(devices.json).map((d) => d.id)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
		const users = await f.run({ resource: 'organization', operation: 'getEndUsers', organizationId: org('3'), returnAll: true, options: { includeRoles: true } });
		expect(results(users.json)).toEqual([
			expect.objectContaining({ firstName: 'Erin', organizationId: 3, roles: ['END_USER'] }),
			expect.objectContaining({ firstName: 'Eli', organizationId: 3 }),
		]);
		expect(api('GET /v2/organization/3/end-users')[0].query.get('includeRoles')).toBe('true');
	});

	it('reads custom fields as one object, and a write shows in the next read', async () => {
		const read = () => f.run({ resource: 'organization', operation: 'getCustomFields', organizationId: org('1') });
		expect(results((await read()).json)).toEqual([{ contractTier: 'gold', accountManager: 'Tess Tech' }]);
		const write = await f.run({
			resource: 'organization',
			operation: 'updateCustomFields',
			organizationId: org('1'),
			fieldsInput: 'pairs',
			customFields: { field: [{ name: 'contractTier', type: 'text', value: 'platinum' }, { name: 'accountManager', type: 'clear' }] },
		});
		expect(results(write.json)).toEqual([{ organizationId: 1, written: { contractTier: 'platinum', accountManager: null }, refused: [] }]);
		expect(api('PATCH /v2/organization/1/custom-fields').map((r) => r.body)).toEqual([{ contractTier: 'platinum', accountManager: null }]);
		expect(results((await read()).json)).toEqual([{ contractTier: 'platinum' }]);
	});
});

describe('Location', () => {
	it('gets every location (paged) or those of one organization', async () => {
		const all = await f.run({ resource: 'location', operation: 'getMany', organizationId: org(''), returnAll: true, options: { pageSize: 4 } });
		expect(results(all.json).map((l) => [l.id, l.organizationId])).toEqual([[1, 1], [2, 1], [3, 2], [4, 2], [5, 3], [6, 3]]);
		// (Whether an empty page is asked for after a short one is the pager's business.)
		expect(api('GET /v2/locations').map((r) => r.query.get('after')).slice(0, 2)).toEqual([null, '4']);
		const ofOne = await f.run({ resource: 'location', operation: 'getMany', organizationId: org('2'), returnAll: false, limit: 1 });
		expect(results(ofOne.json)).toEqual([expect.objectContaining({ id: 3, name: 'Head Office', organizationId: 2 })]);
	});

	it('reads and writes a location\'s custom fields, with inherited values on request', async () => {
		const base = { resource: 'location', organizationId: org('2'), locationId: org('4') };
		const write = await f.run({ ...base, operation: 'updateCustomFields', fieldsInput: 'json', fieldsJson: '{"floor": 3}' });
		expect(results(write.json)).toEqual([{ organizationId: 2, locationId: 4, written: { floor: 3 }, refused: [] }]);
		const read = await f.run({ ...base, operation: 'getCustomFields', options: { withInheritance: true } });
		expect(results(read.json)).toEqual([{ floor: 3 }]);
		expect(api('GET /v2/organization/2/location/4/custom-fields')[0].query.get('withInheritance')).toBe('true');
	});
});

describe('The seed operations take the pickers', () => {
	it('generates an installer for an organization and a location picked from the lists', async () => {
		const run = await f.run({
			resource: 'installer',
			operation: 'generate',
			organizationId: org('https://app.ninjarmm.com/#/customerDashboard/2/overview', 'url'),
			locationId: org('4'),
			installerType: 'WINDOWS_MSI',
		});
		expect(results(run.json)).toEqual([expect.objectContaining({ organizationId: 2, locationId: 4, installerType: 'WINDOWS_MSI' })]);
	});

	it('creates an organization from a template picked from the list, and updates a device\'s policy picked by ID', async () => {
		const created = await f.run({ resource: 'organization', operation: 'create', name: 'Acme', templateOrganizationId: org('1'), additionalFields: {} });
		expect(results(created.json)).toEqual([expect.objectContaining({ name: 'Acme', settings: { copiedFrom: 1 } })]);
		const updated = await f.run({ resource: 'device', operation: 'update', deviceId: org('3'), updateFields: { policyId: org('13', 'id') } });
		expect(results(updated.json)).toEqual([{ deviceId: 3, updated: { policyId: 13 } }]);
	});

	it('leaves an optional picker empty without sending anything for it', async () => {
		await f.run({ resource: 'organization', operation: 'create', name: 'Blank', templateOrganizationId: org(''), additionalFields: {} });
		expect(api('POST /v2/organizations')[0].query.get('templateOrganizationId')).toBeNull();
	});
});
