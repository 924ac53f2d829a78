import { INVENTORY } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/actions/device/getInventory.operation';
import { fixturePerFile, okResults } from './fixture';

/* Device look-ups, custom fields, inventory, patching, owners and policy overrides, in n8n's
   engine against the spec-checking simulator. */

const f = fixturePerFile();

const api = (route: string | RegExp) => f.sim.server.requests(route).filter((r) => r.pathname.startsWith('/v2'));
const results = okResults;
const device = (value: string, mode = 'list') => ({ __rl: true, mode, value });
const TESS = '5b1e1c1a-0d6e-4d6b-9a55-1f0c3f1e0a01';

describe('Device look-ups', () => {
	it('gets one device, whichever way it was picked', async () => {
		for (const deviceId of [device('5'), device('5', 'id'), device('https://eu.ninjarmm.com/#/deviceDashboard/5/overview', 'url'), 5]) {
			const run = await f.run({ resource: 'device', operation: 'get', deviceId });
			expect(results(run.json)).toEqual([expect.objectContaining({ id: 5, displayName: 'host-0005', ipAddresses: ['10.0.0.6'] })]);
		}
	});

	it('lists devices in full with the Detailed option', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', filter: 'org = 2', returnAll: false, limit: 3, options: { detailed: true } });
		expect(results(run.json).map((d) => [d.id, d.organizationId])).toEqual([[2, 2], [5, 2], [8, 2]]);
		expect(results(run.json)[0].userData).toEqual({});
		const [request] = api('GET /v2/devices-detailed');
		expect(request.query.get('df')).toBe('org = 2');
		expect(request.query.get('pageSize')).toBe('3');
	});

	it('searches devices by name or address, one item per match', async () => {
		const run = await f.run({ resource: 'device', operation: 'search', query: '10.0.0.13', limit: 5 });
		expect(results(run.json).map((d) => d.id)).toEqual([12]);
		const byName = await f.run({ resource: 'device', operation: 'search', query: 'host-001', limit: 3 });
		expect(results(byName.json).map((d) => d.id)).toEqual([10, 11, 12]);
		expect(api('GET /v2/devices/search')[1].query.get('limit')).toBe('3');
	});

	it('gets the alerts of a device', async () => {
		const run = await f.run({ resource: 'device', operation: 'getAlerts', deviceId: device('4'), returnAll: true, options: { lang: 'de' } });
		expect(results(run.json)).toEqual([expect.objectContaining({ deviceId: 4, message: 'Device is offline' })]);
		expect(api('GET /v2/device/4/alerts')[0].query.get('lang')).toBe('de');
	});
});

describe('Device custom fields', () => {
	it('reads them as one object and shows a write in the next read', async () => {
		const read = () => f.run({ resource: 'device', operation: 'getCustomFields', deviceId: device('3') });
		expect(results((await read()).json)).toEqual([{ assetTag: 'AT-00003', warrantyMonths: 24 }]);
		const write = await f.run({
			resource: 'device',
			operation: 'updateCustomFields',
			deviceId: device('3'),
			fieldsInput: 'pairs',
			customFields: {
				field: [
					{ name: 'warrantyMonths', type: 'number', value: '36' },
					{ name: 'backupVerified', type: 'boolean', value: 'TRUE' },
					{ name: 'siteCode', type: 'text', value: ' ZRH-1 ' },
				],
			},
		});
		expect(results(write.json)).toEqual([
			{ deviceId: 3, written: { warrantyMonths: 36, backupVerified: true, siteCode: ' ZRH-1 ' }, refused: [] },
		]);
		// One request for all fields when NinjaOne takes them.
		expect(api('PATCH /v2/device/3/custom-fields')).toHaveLength(1);
		expect(results((await read()).json)).toEqual([
			{ assetTag: 'AT-00003', warrantyMonths: 36, backupVerified: true, siteCode: ' ZRH-1 ' },
		]);
	});

	it('writes what NinjaOne takes and tells what it refused, in its own words', async () => {
		const run = await f.run(
			{
				resource: 'device',
				operation: 'updateCustomFields',
				deviceId: device('3'),
				fieldsInput: 'json',
				fieldsJson: '={{ $json.fields }}',
			},
			[{ fields: { assetTag: 'AT-NEW', serialLocked: 'X', noSuchField: 1 } }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.json).toHaveLength(1);
		expect(run.json[0]).toMatchObject({
			has_error: true,
			error: expect.stringMatching(/^NinjaOne refused 2 of 3 custom fields\. serialLocked: NinjaOne 400: Custom field "serialLocked" is read-only for the API/),
			result: {
				deviceId: 3,
				written: { assetTag: 'AT-NEW' },
				refused: [
					{ field: 'serialLocked', value: 'X', reason: expect.stringContaining('is read-only for the API (ATTRIBUTE_READ_ONLY)') },
					{ field: 'noSuchField', value: 1, reason: expect.stringContaining('Custom field "noSuchField" does not exist') },
				],
			},
		});
		// The whole write was refused, then each field went alone: none was sent twice on its own.
		expect(api('PATCH /v2/device/3/custom-fields').map((r) => Object.keys(r.body as object))).toEqual([
			['assetTag', 'serialLocked', 'noSuchField'],
			['assetTag'],
			['serialLocked'],
			['noSuchField'],
		]);
		expect(f.sim.everyday.fields.device.get(3)?.assetTag).toBe('AT-NEW');
	});

	it('keeps the fields already written when a field-by-field write then fails with a 5xx', async () => {
		// The whole write is refused (serialLocked), assetTag goes through alone, then siteCode meets a 503.
		f.sim.server.faults.push({ route: 'PATCH /v2/device/3/custom-fields', kind: 'status', status: 503, nth: [4] });
		const run = await f.run(
			{ resource: 'device', operation: 'updateCustomFields', deviceId: device('3'), fieldsInput: 'json', fieldsJson: '={{ $json.fields }}' },
			[{ fields: { assetTag: 'AT-5XX', serialLocked: 'X', siteCode: 'ZRH', warrantyMonths: 12 } }],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.json[0]).toMatchObject({
			has_error: true,
			error: expect.stringMatching(/^Writing custom field "siteCode" failed: NinjaOne 503: .*Before it, 1 of 4 fields had been written and 1 refused; 2 not written\.$/),
			result: {
				deviceId: 3,
				written: { assetTag: 'AT-5XX' },
				refused: [{ field: 'serialLocked', value: 'X', reason: expect.stringContaining('read-only') }],
				notWritten: ['siteCode', 'warrantyMonths'],
			},
		});
		// A PATCH is not sent again after a 503, and nothing after the failed field is sent.
		expect(api('PATCH /v2/device/3/custom-fields').map((r) => Object.keys(r.body as object))).toEqual([
			['assetTag', 'serialLocked', 'siteCode', 'warrantyMonths'],
			['assetTag'],
			['serialLocked'],
			['siteCode'],
		]);
		expect(f.sim.everyday.fields.device.get(3)?.assetTag).toBe('AT-5XX');
	});

	it.each([
		['a number field that is not a number', [{ name: 'warrantyMonths', type: 'number', value: 'three' }], /^Custom Fields \(item 0\): "warrantyMonths" must be a number, got "three"/],
		['a boolean that is not true or false', [{ name: 'backupVerified', type: 'boolean', value: 'yes' }], /^Custom Fields \(item 0\): "backupVerified" must be true or false, got "yes"/],
		['a field without a name', [{ name: ' ', type: 'text', value: 'x' }], /^Custom Fields \(item 0\): field 1 has no name/],
		['the same field twice', [{ name: 'a', value: '1' }, { name: 'a', value: '2' }], /^Custom Fields \(item 0\): "a" is given twice/],
		['no field at all', [], /^Custom Fields \(item 0\): add at least one field/],
	])('refuses %s before any request', async (_name, field, message) => {
		const run = await f.run({ resource: 'device', operation: 'updateCustomFields', deviceId: device('3'), fieldsInput: 'pairs', customFields: { field } });
		expect(run.error?.message).toMatch(message);
		expect(api('PATCH')).toHaveLength(0);
	});

	it('refuses JSON that is not an object, before any request', async () => {
		const run = await f.run({ resource: 'device', operation: 'updateCustomFields', deviceId: device('3'), fieldsInput: 'json', fieldsJson: '["assetTag"]' });
		expect(run.error?.message).toMatch(/^Fields \(JSON\) \(item 0\): must be a JSON object, got an array/);
		expect(api('PATCH')).toHaveLength(0);
	});
});

describe('Device inventory', () => {
	it.each(INVENTORY.map((read) => [read.name, read.path]))('reads %s', async (_name, path) => {
		const run = await f.run({ resource: 'device', operation: 'getInventory', deviceId: device('6'), inventory: path });
		expect(run.error).toBeUndefined();
		for (const result of results(run.json)) expect(result.deviceId).toBe(6);
		expect(api(`GET /v2/device/6/${path}`)).toHaveLength(1);
	});

	it('gives one item per row, and passes the filters the read takes', async () => {
		const run = await f.run({
			resource: 'device',
			operation: 'getInventory',
			deviceId: device('5'),
			inventory: 'os-patch-installs',
			filters: { status: 'FAILED', installedAfter: '2024-01-01', installedBefore: '2026-01-01T00:00:00Z' },
		});
		expect(results(run.json)).toEqual([expect.objectContaining({ deviceId: 5, kbNumber: 'KB5020005', status: 'FAILED' })]);
		const [request] = api('GET /v2/device/5/os-patch-installs');
		expect(Object.fromEntries(request.query)).toEqual({ status: 'FAILED', installedAfter: '2024-01-01', installedBefore: '2026-01-01T00:00:00Z' });
		const software = await f.run({ resource: 'device', operation: 'getInventory', deviceId: device('5'), inventory: 'software' });
		expect(results(software.json).map((s) => s.name)).toEqual(['Mozilla Firefox', 'Microsoft Edge']);
	});

	it('refuses a date filter that is not a date, and an unknown inventory, before any request', async () => {
		const bad = await f.run({ resource: 'device', operation: 'getInventory', deviceId: device('5'), inventory: 'os-patch-installs', filters: { installedAfter: 'last week' } });
		expect(bad.error?.message).toMatch(/^Installed After \(item 0\): must be an ISO 8601 date-time/);
		const unknown = await f.run({ resource: 'device', operation: 'getInventory', deviceId: device('5'), inventory: '={{ "drivers" }}' });
		expect(unknown.error?.message).toMatch(/^Inventory \(item 0\): must be one of Active Jobs, Disks/);
		expect(api('GET')).toHaveLength(0);
	});
});

describe('Device actions', () => {
	it.each([
		['os', 'scan'],
		['os', 'apply'],
		['software', 'scan'],
		['software', 'apply'],
	])('%s patches: %s', async (patchType, patchAction) => {
		const run = await f.run({ resource: 'device', operation: 'patch', deviceId: device('1'), patchType, patchAction });
		expect(results(run.json)).toEqual([{ deviceId: 1, patchType, action: patchAction, requested: true }]);
		expect(api(`POST /v2/device/1/patch/${patchType}/${patchAction}`)).toHaveLength(1);
	});

	it('resets policy overrides, and the next read shows none', async () => {
		const read = () => f.run({ resource: 'device', operation: 'getInventory', deviceId: device('4'), inventory: 'policy/overrides' });
		expect(results((await read()).json)).toEqual([{ deviceId: 4, overrides: ['antivirus', 'patching'] }]);
		const reset = await f.run({ resource: 'device', operation: 'resetPolicyOverrides', deviceId: device('4') });
		expect(results(reset.json)).toEqual([{ deviceId: 4, policyOverridesReset: true }]);
		expect(results((await read()).json)).toEqual([{ deviceId: 4, overrides: [] }]);
	});

	it('sets and removes an owner, which the device then shows', async () => {
		const set = await f.run({ resource: 'device', operation: 'setOwner', deviceId: device('2'), ownerUid: TESS });
		expect(results(set.json)).toEqual([{ deviceId: 2, ownerUid: TESS, ownerSet: true }]);
		const get = () => f.run({ resource: 'device', operation: 'get', deviceId: device('2') });
		expect(results((await get()).json)[0].assignedOwnerUid).toBe(TESS);
		const removed = await f.run({ resource: 'device', operation: 'removeOwner', deviceId: device('2') });
		expect(results(removed.json)).toEqual([{ deviceId: 2, ownerRemoved: true }]);
		expect(results((await get()).json)[0].assignedOwnerUid).toBeUndefined();
	});

	it('refuses an owner that is not a UID before any request, and an unknown owner in NinjaOne\'s words', async () => {
		const bad = await f.run({ resource: 'device', operation: 'setOwner', deviceId: device('2'), ownerUid: 'tess' });
		expect(bad.error?.message).toMatch(/^Owner UID \(item 0\): must be a user's UID/);
		expect(api('POST')).toHaveLength(0);
		const unknown = await f.run({ resource: 'device', operation: 'setOwner', deviceId: device('2'), ownerUid: '00000000-0000-4000-8000-000000000000' });
		expect(unknown.error?.message).toMatch(/^NinjaOne 404: User 00000000-0000-4000-8000-000000000000 not found/);
		expect(api('POST')).toHaveLength(1);
	});
});
