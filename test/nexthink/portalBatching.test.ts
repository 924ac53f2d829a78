import { deviceUid, errorTriggerUid, PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());

const devices = (count: number) => Array.from({ length: count }, (_, i) => deviceUid(i + 1));
const run = (deviceUids: string[], extra: Record<string, unknown> = {}) =>
	fixture.runPortal(
		{
			resource: 'remoteAction',
			operation: 'run',
			remoteActionUid: PORTAL_ACTIONS.restartService,
			deviceUids: JSON.stringify(deviceUids),
			...extra,
		},
		[{}],
		{ onError: 'continueRegularOutput' },
	);

describe('Nexthink Portal: batching', () => {
	test('25,000 devices go out as 3 requests whose answers merge into one result', async () => {
		fixture.portal.deviceLimit = 10_000;
		const all = devices(25_000);
		const result = await run(all);
		expect(result.error).toBeUndefined();
		expect(result.json).toHaveLength(1);

		const requests = fixture.portal.server.requests('POST /api/remoteaction/v2/run');
		expect(requests.map((r) => (r.body as any).deviceUids.length)).toEqual([10_000, 10_000, 5_000]);
		expect(fixture.portal.runs.flatMap((r) => r.deviceUids)).toEqual(all);

		const [merged] = results(result);
		const [geneva, lausanne] = fixture.portal.engines;
		expect(merged.devices).toBe(25_000);
		expect(merged.batches).toBe(3);
		expect(merged.requestUids).toEqual(requests.map((r) => (r.body as any).requestUid));
		expect(new Set(merged.requestUids).size).toBe(3);
		expect(merged.engines).toEqual([
			{
				databaseUid: geneva.databaseUID,
				code: 'ok',
				message: '',
				answers: merged.requestUids.map((requestUid: string) => ({ requestUid, code: 'ok', message: '' })),
			},
			expect.objectContaining({ databaseUid: lausanne.databaseUID, code: 'not_connected' }),
		]);
		expect(merged.summary.counts).toMatchObject({ ok: 1, not_connected: 1 });
	});

	test('batches are spaced by the request interval', async () => {
		// Batch k starts no earlier than k intervals after the run began and arrives after it
		// started: a bound that a busy machine, which only delays arrivals, cannot break.
		const began = performance.timeOrigin + performance.now(); // the simulator's clock
		const result = await run(devices(6), { requestInterval: 300, options: { maxDevicesPerRequest: 2 } });
		expect(results(result)[0]).toMatchObject({ devices: 6, batches: 3 });
		const starts = fixture.portal.server.requests('POST /api/remoteaction/v2/run').map((r) => r.at);
		expect(starts).toHaveLength(3);
		starts.forEach((at, k) => expect(at - began).toBeGreaterThanOrEqual(k * 300));
	});

	test('an Engine is ok only if it answered ok to every batch', async () => {
		const [geneva] = fixture.portal.engines;
		fixture.portal.server.faults.push({
			route: 'POST /api/remoteaction/v2/run',
			kind: 'status',
			nth: [2],
			status: 200,
			body: [{ databaseUid: geneva.databaseUID, code: 'timeout', message: 'no answer in time' }],
		});
		const result = await run(devices(3), { options: { maxDevicesPerRequest: 2, engineDatabaseUids: geneva.databaseUID } });
		const [merged] = results(result);
		expect(merged.batches).toBe(2);
		expect(merged.engines).toEqual([
			{
				databaseUid: geneva.databaseUID,
				code: 'timeout',
				message: 'no answer in time',
				answers: [
					{ requestUid: merged.requestUids[0], code: 'ok', message: '' },
					{ requestUid: merged.requestUids[1], code: 'timeout', message: 'no answer in time' },
				],
			},
		]);
		expect(merged.summary.failedEngines).toEqual([{ databaseUid: geneva.databaseUID, code: 'timeout', message: 'no answer in time' }]);
	});

	test('TOO_MANY_DEVICES tells the user to lower Max Devices per Request', async () => {
		fixture.portal.deviceLimit = 500;
		const result = await run(devices(800), { options: { maxDevicesPerRequest: 600 } });
		expect(result.json[0].error).toMatch(
			/TOO_MANY_DEVICES.*lower the node's "Max Devices per Request" option \(this request carried 600 devices\)/,
		);
		const lowered = await run(devices(800), { options: { maxDevicesPerRequest: 500 } });
		expect(results(lowered)[0]).toMatchObject({ devices: 800, batches: 2 });
	});

	test('a batch that fails after others were sent keeps what was sent', async () => {
		fixture.portal.server.faults.push({
			route: 'POST /api/remoteaction/v2/run',
			kind: 'status',
			nth: [3],
			status: 500,
			body: { code: 'INTERNAL_ERROR', error: 'database unavailable' },
		});
		const result = await run(devices(5), { options: { maxDevicesPerRequest: 2 } });
		const [item] = result.json;
		expect(item.has_error).toBe(true);
		expect(item.error).toMatch(/^Batch 3 of 3 failed: Nexthink Portal 500: database unavailable \(INTERNAL_ERROR\)/);
		expect(item.error).toContain('The 2 batches before it (4 of 5 devices) had already been sent.');
		expect(item.result).toMatchObject({ devices: 4, batches: 2, summary: { counts: { ok: 1 } } });
		expect((item.result as any).requestUids).toHaveLength(2);
	});

	test('the first batch failing is the plain API error', async () => {
		const result = await run(devices(3), {
			remoteActionUid: errorTriggerUid('NO_PERMISSION'),
			options: { maxDevicesPerRequest: 2 },
		});
		expect(result.json[0].error).toMatch(/^Nexthink Portal 403: /);
		expect(result.json[0].result).toBeNull();
		expect(fixture.portal.server.requests('POST /api/remoteaction/v2/run')).toHaveLength(1);
	});
});
