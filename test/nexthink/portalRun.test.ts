import { deviceUid, PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function runParameters(extra: Record<string, unknown> = {}) {
	return {
		resource: 'remoteAction',
		operation: 'run',
		remoteActionUid: PORTAL_ACTIONS.restartService,
		deviceUids: `${deviceUid(1)}, ${deviceUid(2)}`,
		...extra,
	};
}

describe('Nexthink Portal: Remote Action > Run', () => {
	test('runs on all Engines with Basic auth and a fresh request UID, and summarizes the answers', async () => {
		const run = await fixture.runPortal(runParameters());
		expect(run.error).toBeUndefined();
		const [result] = results(run);
		const [geneva, lausanne] = fixture.portal.engines;
		expect(result).toMatchObject({
			remoteActionUid: PORTAL_ACTIONS.restartService,
			devices: 2,
			batches: 1,
			engines: [
				{ databaseUid: geneva.databaseUID, code: 'ok', message: '' },
				{ databaseUid: lausanne.databaseUID, code: 'not_connected', message: 'Engine is not connected' },
			],
			summary: {
				counts: { ok: 1, not_connected: 1, timeout: 0, engine_error: 0, excluded: 0, unknown: 0, no_permission: 0 },
				failedEngines: [{ databaseUid: lausanne.databaseUID, code: 'not_connected', message: 'Engine is not connected' }],
			},
		});
		expect(run.json[0]).toMatchObject({ has_error: false, error: null });

		const [sent] = fixture.portal.runs;
		expect(sent).toEqual({
			requestUid: result.requestUids[0],
			remoteActionUid: PORTAL_ACTIONS.restartService,
			deviceUids: [deviceUid(1), deviceUid(2)],
		});
		expect(sent.requestUid).toMatch(UUID);
		const [request] = fixture.portal.server.requests('POST /api/remoteaction/v2/run');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.headers.authorization).toMatch(/^Basic /);
	});

	test('each request gets its own request UID unless one is given', async () => {
		const items = [{}, {}];
		const fresh = await fixture.runPortal(runParameters(), items);
		const uids = results(fresh).map((r) => r.requestUids[0]);
		expect(new Set(uids).size).toBe(2);

		const given = await fixture.runPortal(runParameters({ options: { requestUid: 'ticket-4711' } }));
		expect(results(given)[0].requestUids).toEqual(['ticket-4711']);
		expect(fixture.portal.runs[fixture.portal.runs.length - 1].requestUid).toBe('ticket-4711');
	});

	test('runs on chosen Engines, with params as a map and a timeout', async () => {
		const [geneva] = fixture.portal.engines;
		const run = await fixture.runPortal(
			runParameters({
				deviceUids: `={{ ["${deviceUid(7)}"] }}`,
				params: {
					parameter: [
						{ name: 'ServiceName', value: 'Spooler' },
						{ name: 'Force', value: '={{ true }}' },
					],
				},
				options: { engineDatabaseUids: geneva.databaseUID, timeoutSeconds: 120 },
			}),
		);
		expect(run.error).toBeUndefined();
		expect(fixture.portal.runs[0]).toEqual({
			requestUid: expect.stringMatching(UUID),
			remoteActionUid: PORTAL_ACTIONS.restartService,
			deviceUids: [deviceUid(7)],
			engineDatabaseUids: [geneva.databaseUID],
			timeoutSeconds: 120,
			params: { ServiceName: 'Spooler', Force: 'true' },
		});
		expect(results(run)[0].engines).toEqual([{ databaseUid: geneva.databaseUID, code: 'ok', message: '' }]);
		expect(results(run)[0].summary.failedEngines).toEqual([]);
	});

	test('devices as a JSON array, newline text, or duplicates are each sent once', async () => {
		await fixture.runPortal(runParameters({ deviceUids: JSON.stringify([deviceUid(1), deviceUid(2), deviceUid(1)]) }));
		await fixture.runPortal(runParameters({ deviceUids: `${deviceUid(3)}\n${deviceUid(4)}\n` }));
		expect(fixture.portal.runs.map((r) => r.deviceUids)).toEqual([
			[deviceUid(1), deviceUid(2)],
			[deviceUid(3), deviceUid(4)],
		]);
	});

	test('every per-Engine code is counted, and the option makes non-ok Engines fail the item', async () => {
		const codes = ['timeout', 'engine_error', 'excluded', 'unknown', 'no_permission'];
		for (const code of codes) fixture.portal.addEngine(`engine-${code}`, 'CONNECTED', { code, message: `simulated ${code}` });
		const lenient = await fixture.runPortal(runParameters());
		const { summary } = results(lenient)[0];
		expect(summary.counts).toEqual({
			ok: 1,
			timeout: 1,
			engine_error: 1,
			not_connected: 1,
			excluded: 1,
			unknown: 1,
			no_permission: 1,
		});
		expect(summary.failedEngines.map((e: { code: string }) => e.code)).toEqual(['not_connected', ...codes]);
		expect(lenient.json[0].has_error).toBe(false);

		const strict = await fixture.runPortal(runParameters({ options: { treatEngineFailuresAsErrors: true } }), [{}], {
			onError: 'continueRegularOutput',
		});
		const [item] = strict.json;
		expect(item.has_error).toBe(true);
		expect(item.error).toContain('6 of 7 Engines did not answer ok');
		const timeoutEngine = fixture.portal.engines.find((e) => e.name === 'engine-timeout')!;
		expect(item.error).toContain(`${timeoutEngine.databaseUID} (timeout: simulated timeout)`);
		expect(item.error).toContain('not_connected');
		expect((item.result as any).summary.counts.ok).toBe(1);
		expect((item.result as any).engines).toHaveLength(7);

		const stopped = await fixture.runPortal(runParameters({ options: { treatEngineFailuresAsErrors: true } }));
		expect(stopped.error?.message).toContain('6 of 7 Engines did not answer ok');
	});

	test('with every Engine ok the option changes nothing', async () => {
		const [geneva] = fixture.portal.engines;
		const run = await fixture.runPortal(
			runParameters({ options: { engineDatabaseUids: geneva.databaseUID, treatEngineFailuresAsErrors: true } }),
		);
		expect(run.json[0]).toMatchObject({ has_error: false, result: { summary: { failedEngines: [] } } });
	});

	test('a run waits longer than the Portal Timeout, even when the node\'s Timeout is shorter', async () => {
		fixture.portal.server.latency = 1200;
		const run = await fixture.runPortal(runParameters({ requestTimeout: 1, options: { timeoutSeconds: 1 } }));
		expect(run.error).toBeUndefined();
		expect(results(run)[0].summary.counts.ok).toBe(1);
	});

	test('a run answered without a body still confirms what was sent', async () => {
		fixture.portal.server.faults.push({ route: 'POST /api/remoteaction/v2/run', kind: 'empty', status: 200 });
		const run = await fixture.runPortal(runParameters());
		expect(run.error).toBeUndefined();
		expect(results(run)[0]).toMatchObject({
			remoteActionUid: PORTAL_ACTIONS.restartService,
			requestUids: [expect.stringMatching(UUID)],
			devices: 2,
			engines: [],
			summary: { failedEngines: [] },
		});
	});

	test('no password in output or errors', async () => {
		const ok = await fixture.runPortal(runParameters());
		const failed = await fixture.runPortal(runParameters({ options: { treatEngineFailuresAsErrors: true } }));
		expect(failed.error).toBeDefined();
		expect(fixture.leaks(ok)).toEqual([]);
		expect(fixture.leaks(failed)).toEqual([]);
	});
});
