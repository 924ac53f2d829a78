import { deviceUid, nxqlDevice, PORTAL_USER } from '../../simulator/nexthinkPortal';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.portal.violations).toEqual([]));

const QUERY = '(select (device_uid name) (from device))';

function nxql(extra: Record<string, unknown> = {}) {
	const [geneva] = fixture.portal.engines;
	return {
		resource: 'nxql',
		operation: 'executeQuery',
		engine: { mode: 'list', value: geneva.address },
		query: QUERY,
		platforms: ['windows'],
		...extra,
	};
}

describe('Nexthink Portal: NXQL > Execute Query on one Engine', () => {
	test('GET /2/query on the Engine with the query, the platform, format=json and the Portal user; one item per row', async () => {
		const run = await fixture.runPortal(nxql());
		expect(run.error).toBeUndefined();
		expect(results(run)).toEqual([
			{ device_uid: deviceUid(1), name: 'GENEVA-PC-00001' },
			{ device_uid: deviceUid(2), name: 'GENEVA-PC-00002' },
			{ device_uid: deviceUid(3), name: 'GENEVA-PC-00003' },
		]);
		expect(run.json[0]).toMatchObject({ has_error: false, error: null });
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		const [request] = fixture.portal.engineServers[0].log;
		expect(`${request.method} ${request.pathname}`).toBe('GET /2/query');
		expect([...request.query]).toEqual([['query', QUERY], ['platform', 'windows'], ['format', 'json']]);
		expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${PORTAL_USER.username}:${PORTAL_USER.password}`).toString('base64')}`);
		// Nothing went to the Portal: the address came with the parameter.
		expect(fixture.portal.server.log).toHaveLength(0);
		expect(fixture.leaks(run)).toEqual([]);
	});

	test('several platforms are sent as one platform parameter each', async () => {
		fixture.portal.engineDevices.set('engine-geneva', 10);
		const run = await fixture.runPortal(nxql({ platforms: ['windows', 'mac_os', 'mobile'] }));
		expect(run.error).toBeUndefined();
		expect(results(run)).toHaveLength(10);
		const [request] = fixture.portal.engineServers[0].log;
		expect(request.query.getAll('platform')).toEqual(['windows', 'mac_os', 'mobile']);

		const macs = await fixture.runPortal(nxql({ platforms: ['mac_os'], query: '(select (name platform) (from device))' }));
		expect(results(macs)).toEqual([
			{ name: 'GENEVA-MAC-00004', platform: 'mac_os' },
			{ name: 'GENEVA-MAC-00009', platform: 'mac_os' },
		]);
	});

	test('placeholder values are sent as p1, p2... in order', async () => {
		const run = await fixture.runPortal(
			nxql({
				query: '(select (%1 %2) (from device) (limit 1))',
				placeholders: { value: [{ value: 'name' }, { value: 'ip_addresses' }] },
			}),
		);
		expect(run.error).toBeUndefined();
		expect(results(run)).toEqual([{ name: 'GENEVA-PC-00001', ip_addresses: ['10.0.0.1'] }]);
		const [request] = fixture.portal.engineServers[0].log;
		expect(request.query.get('p1')).toBe('name');
		expect(request.query.get('p2')).toBe('ip_addresses');
	});

	test('a typed address works as the picked one', async () => {
		const [geneva] = fixture.portal.engines;
		const run = await fixture.runPortal(nxql({ engine: { mode: 'address', value: ` http://${geneva.address}/ ` } }));
		expect(run.error).toBeUndefined();
		expect(results(run)).toHaveLength(3);
	});

	test('an NXQL syntax error fails the item in the Engine\'s own words, sent once', async () => {
		const run = await fixture.runPortal(nxql({ query: '(selct (name) (from device))' }));
		expect(run.error?.message).toBe(
			'Nexthink Engine 400: Syntax error: unknown statement "selct", expected select or update. The Engine could not run the query: check the NXQL and that each %1, %2... placeholder has its value',
		);
		expect(fixture.portal.engineRequests()).toHaveLength(1);
	});

	test('under Continue, the failed item keeps the envelope', async () => {
		const run = await fixture.runPortal(nxql({ query: '(select (name) (from devices))' }), [{}], { onError: 'continueRegularOutput' });
		expect(run.json).toEqual([{ has_error: true, error: expect.stringContaining('unknown table "devices"'), result: null }]);
	});

	test('a refused password is reported, sent once, without the secret', async () => {
		fixture.helper.add('portal-1', 'nexthinkPortalApi', { url: fixture.portal.server.url, username: PORTAL_USER.username, password: 'wrong-password' });
		const run = await fixture.runPortal(nxql());
		expect(run.error?.message).toMatch(/^Nexthink Engine 401: The Engine refused the username or password/);
		expect(fixture.portal.engineRequests()).toHaveLength(1);
		expect(JSON.stringify(run.run)).not.toContain('wrong-password');
	});

	test('a 503 from the Engine is retried, and a connection cut in the middle of the rows makes the read start over', async () => {
		fixture.portal.engineServers[0].faults.push({ route: 'GET /2/query', kind: 'status', status: 503, times: 1, headers: { 'retry-after': '0' } });
		const retried = await fixture.runPortal(nxql());
		expect(retried.error).toBeUndefined();
		expect(results(retried)).toHaveLength(3);
		expect(fixture.portal.engineRequests()).toHaveLength(2);

		fixture.reset();
		fixture.portal.engineServers[0].faults.push({ route: 'GET /2/query', kind: 'resetMidBody', times: 1 });
		const resumed = await fixture.runPortal(nxql());
		expect(resumed.error).toBeUndefined();
		expect(results(resumed)).toHaveLength(3);
		expect(fixture.portal.engineRequests()).toHaveLength(2);
	});

	test('an answer that is not a list of rows fails the item and is not sent again', async () => {
		fixture.portal.engineServers[0].faults.push({ route: 'GET /2/query', kind: 'html', status: 200 });
		const run = await fixture.runPortal(nxql());
		expect(run.error?.message).toMatch(/^Nexthink Engine 200: the answer is not a JSON list of rows: it starts with "<!DOCTYPE html>/);
		expect(fixture.portal.engineRequests()).toHaveLength(1);
	});
});

describe('Nexthink Portal: NXQL > Execute Query on all connected Engines', () => {
	test('queries every connected Engine, rows merged with the Engine\'s name, the disconnected one in the hint and summary', async () => {
		const bern = fixture.portal.addEngine('engine-bern', 'CONNECTED');
		fixture.portal.engineDevices.set('engine-bern', 2);
		const run = await fixture.runPortal(nxql({ engineMode: 'allConnected', options: { includeSummary: true } }));
		expect(run.error).toBeUndefined();
		const [geneva, lausanne] = fixture.portal.engines;
		const all = results(run);
		expect(all.slice(0, 5)).toEqual([
			{ device_uid: deviceUid(1), name: 'GENEVA-PC-00001', engine: 'engine-geneva' },
			{ device_uid: deviceUid(2), name: 'GENEVA-PC-00002', engine: 'engine-geneva' },
			{ device_uid: deviceUid(3), name: 'GENEVA-PC-00003', engine: 'engine-geneva' },
			{ device_uid: deviceUid(1), name: 'BERN-PC-00001', engine: 'engine-bern' },
			{ device_uid: deviceUid(2), name: 'BERN-PC-00002', engine: 'engine-bern' },
		]);
		expect(all[5]).toEqual({
			query: QUERY,
			platforms: ['windows'],
			rows: 5,
			engines: [
				{ name: 'engine-geneva', databaseUid: geneva.databaseUID, address: geneva.address, code: 'ok', message: '', rows: 3 },
				{ name: 'engine-lausanne', databaseUid: lausanne.databaseUID, address: lausanne.address, code: 'not_connected', message: 'The Portal lists the Engine as DISCONNECTED', rows: 0 },
				{ name: 'engine-bern', databaseUid: bern.databaseUID, address: bern.address, code: 'ok', message: '', rows: 2 },
			],
			summary: {
				counts: { ok: 2, not_connected: 1, timeout: 0, engine_error: 0, excluded: 0, unknown: 0, no_permission: 0 },
				failedEngines: [{ name: 'engine-lausanne', databaseUid: lausanne.databaseUID, code: 'not_connected', message: 'The Portal lists the Engine as DISCONNECTED' }],
			},
		});
		expect(run.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(fixture.portal.server.requests('GET /api/configuration/v1/engines')).toHaveLength(1);
		expect(fixture.portal.engineServers[1].log).toHaveLength(0);
		expect(fixture.portal.engineServers[0].log).toHaveLength(1);
		expect(fixture.portal.engineServers[2].log).toHaveLength(1);
		const hints = JSON.stringify(run.run.data.resultData.runData.Node[0].hints ?? []);
		expect(hints).toContain('1 of 3 Engines did not answer ok: engine-lausanne (not_connected');
	});

	test('without the summary option, only rows come out', async () => {
		const run = await fixture.runPortal(nxql({ engineMode: 'allConnected' }));
		expect(run.error).toBeUndefined();
		expect(results(run).map((row) => row.engine)).toEqual(['engine-geneva', 'engine-geneva', 'engine-geneva']);
	});

	test('Treat Engine Failures as Errors fails the item on a disconnected Engine, keeping the summary', async () => {
		const run = await fixture.runPortal(nxql({ engineMode: 'allConnected', options: { treatEngineFailuresAsErrors: true } }), [{}], {
			onError: 'continueRegularOutput',
		});
		expect(run.json).toHaveLength(1);
		expect(run.json[0]).toMatchObject({
			has_error: true,
			error: '1 of 2 Engines did not answer ok: engine-lausanne (not_connected: The Portal lists the Engine as DISCONNECTED)',
			result: { rows: 3, summary: { counts: { ok: 1, not_connected: 1 } } },
		});
	});

	test('an NXQL error on every connected Engine fails the item with the Engine\'s words', async () => {
		fixture.portal.addEngine('engine-bern', 'CONNECTED');
		const run = await fixture.runPortal(nxql({ engineMode: 'allConnected', query: '(select (name) (from device)' }));
		expect(run.error?.message).toContain('3 of 3 Engines did not answer ok: engine-geneva (engine_error: Nexthink Engine 400: Syntax error: unbalanced parentheses in the query');
		expect(run.error?.message).toContain('engine-bern (engine_error: Nexthink Engine 400: Syntax error');
	});

	test('an Engine that cannot be reached is reported while the others\' rows are kept', async () => {
		const bern = fixture.portal.addEngine('engine-bern', 'CONNECTED');
		fixture.portal.engineServers[2].faults.push({ route: 'GET /2/query', kind: 'status', status: 500, body: 'Engine database is loading' });
		const run = await fixture.runPortal(nxql({ engineMode: 'allConnected', options: { includeSummary: true } }));
		expect(run.error).toBeUndefined();
		const all = results(run);
		expect(all).toHaveLength(4);
		expect(all[3].engines[2]).toEqual({
			name: 'engine-bern',
			databaseUid: bern.databaseUID,
			address: bern.address,
			code: 'engine_error',
			message: 'Nexthink Engine 500: Engine database is loading (after 2 attempts)',
			rows: 0,
		});
	});
});

describe('Nexthink Portal: NXQL > Execute Query, bad input', () => {
	const cases: Array<[string, Record<string, unknown>, string]> = [
		['an empty query', { query: ' ' }, 'Query (item 0): is required'],
		// Empty static values are stopped by n8n itself (required parameters); expressions reach the node.
		['no platform', { platforms: '={{ [] }}' }, 'Platforms (item 0): choose at least one platform'],
		['an unknown platform', { platforms: '={{ ["windows", "linux"] }}' }, 'Platforms (item 0): "linux" is not one of windows, mac_os, mobile'],
		['a placeholder without its value', { query: '(select (%1 %2) (from device))', placeholders: { value: [{ value: 'name' }] } }, 'Placeholder Values (item 0): the query uses %2, but one value is given'],
		['no Engine', { engine: { mode: 'address', value: '={{ $json.missing ?? "" }}' } }, 'Engine (item 0): is required'],
		['an address with a path', { engine: { mode: 'address', value: 'https://engine.company.com/api' } }, 'Engine (item 0): "https://engine.company.com/api" must be only the Engine\'s address'],
		['an address that is no host', { engine: { mode: 'address', value: 'engine one' } }, 'Engine (item 0): "engine one" is not a host name or IP address'],
		['a port out of range', { options: { webApiPort: 70000 } }, 'Web API Port (item 0)'],
	];
	test.each(cases)('%s fails before any request', async (_, parameters, message) => {
		const run = await fixture.runPortal(nxql(parameters));
		expect(run.error?.message).toContain(message);
		expect(fixture.portal.engineRequests()).toHaveLength(0);
		expect(fixture.portal.server.log).toHaveLength(0);
	});

	test('each item is judged on its own under Continue', async () => {
		const run = await fixture.runPortal(nxql({ query: '={{ $json.q }}' }), [{ q: QUERY }, { q: '' }], { onError: 'continueRegularOutput' });
		expect(run.json.map((json) => json.has_error)).toEqual([false, false, false, true]);
		expect(run.json[3].error).toBe('Query (item 1): is required');
		expect(fixture.portal.engineRequests()).toHaveLength(1);
	});
});

test('the simulated devices are what the tests expect', () => {
	expect(nxqlDevice('engine-geneva', 4).platform).toBe('mac_os');
});
