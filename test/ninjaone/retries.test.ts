import { fixturePerFile, okResults } from './fixture';

/* Which requests are sent again after a fault: reads (GETs, and reads sent as POST such as a board
   run) after a 502/503/504 or a dropped connection, and a GET once after a 500; a write only after
   a 429. */

const f = fixturePerFile();
const sent = (route: string) => f.sim.server.requests(route);
const byId = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });
const boardRun = { resource: 'ticket', operation: 'getMany', boardId: byId(1), returnAll: false, limit: 3, filters: {}, options: {} };
const BOARD_RUN = 'POST /v2/ticketing/trigger/board/1/run';

describe('retries', () => {
	it.each([
		['a 502', { kind: 'status' as const, status: 502 }],
		['a 504', { kind: 'status' as const, status: 504, headers: { 'retry-after': '0' } }],
		['a dropped connection', { kind: 'reset' as const }],
	])('retries a board run (a read sent as POST) after %s', async (_what, fault) => {
		f.sim.server.faults.push({ route: BOARD_RUN, times: 1, ...fault });
		const run = await f.run(boardRun, [{}], { onError: 'continueRegularOutput' });
		expect(okResults(run.json)).toHaveLength(3);
		expect(sent(BOARD_RUN)).toHaveLength(2);
	});

	it('retries a GET answered 500 once, and fails on a second 500', async () => {
		f.sim.server.faults.push({ route: 'GET /v2/device/2/dashboard-url', kind: 'status', status: 500, times: 1 });
		const once = await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '2' });
		expect(once.json[0].has_error).toBe(false);
		expect(sent('GET /v2/device/2/dashboard-url')).toHaveLength(2);

		f.sim.server.reset();
		f.sim.server.faults.push({ route: 'GET /v2/device/2/dashboard-url', kind: 'status', status: 500 });
		const twice = await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '2' }, [{}], { onError: 'continueRegularOutput' });
		expect(twice.json[0]).toMatchObject({ has_error: true, error: expect.stringMatching(/^NinjaOne 500: .*after 2 attempts/) });
		expect(sent('GET /v2/device/2/dashboard-url')).toHaveLength(2);
	});

	it.each([500, 502, 503])('never sends a write twice after a %i', async (status) => {
		f.sim.server.faults.push({ route: 'POST /v2/device/1/reboot', kind: 'status', status, times: 1 });
		const run = await f.run({ resource: 'device', operation: 'reboot', deviceId: '1', mode: 'NORMAL' }, [{}], { onError: 'continueRegularOutput' });
		expect(run.json[0]).toMatchObject({ has_error: true, error: expect.stringMatching(new RegExp(`^NinjaOne ${status}: `)) });
		expect(sent('POST /v2/device/1/reboot')).toHaveLength(1);
	});
});
