import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

const query = (queryId: string, extra: Record<string, unknown> = {}) =>
	fixture.runInfinity({ resource: 'nql', operation: 'executeQuery', queryId, ...extra }, [{}], {
		onError: 'continueRegularOutput',
	});

describe('Nexthink Infinity: NQL > Execute Query', () => {
	test('one item per row, with parameters sent as a map and times asked in UTC', async () => {
		const run = await query('#devices_by_name', { parameters: { parameter: [{ name: 'name_prefix', value: 'laptop' }] } });
		expect(results(run)).toEqual(
			INFINITY_DEVICES.filter((d) => d.name.startsWith('LAPTOP')).map((d) => ({
				'device.name': d.name,
				'device.collector.uid': d.collectorId,
				'device.operating_system.name': d.os,
			})),
		);
		const [request] = fixture.infinity.api.log;
		expect(`${request.method} ${request.pathname}`).toBe('POST /api/v2/nql/execute');
		expect(request.body).toEqual({ queryId: '#devices_by_name', parameters: { name_prefix: 'laptop' } });
		expect(request.headers['x-utc-times']).toBe('true');
		expect(run.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Collector IDs from NQL drive an execute, whose executions NQL then reads', async () => {
		const devices = await query('#devices_by_name');
		const collectorIds = results(devices).map((row) => row['device.collector.uid']);
		const executed = await fixture.runInfinity({
			resource: 'remoteAction',
			operation: 'execute',
			remoteActionId: { __rl: true, mode: 'id', value: '#get_startup_impact' },
			devices: `={{ ${JSON.stringify(collectorIds)} }}`,
		});
		const [requestId] = results(executed)[0].requestIds;

		const executions = await query('#remote_action_executions', { options: { utcTimes: false } });
		const rows = results(executions);
		expect(rows).toHaveLength(INFINITY_DEVICES.length);
		expect(rows.every((row) => row['remote_action.executions.request_id'] === requestId)).toBe(true);
		expect(rows.map((row) => row['device.collector.uid'])).toEqual(collectorIds);
		expect(fixture.infinity.api.log[fixture.infinity.api.log.length - 1].headers['x-utc-times']).toBe('false');
	});

	test('no rows, no items', async () => {
		const run = await query('#remote_action_executions');
		expect(run.error).toBeUndefined();
		expect(run.json).toEqual([]);
	});

	test('an unknown query is a 404 in the API\'s words, with where to create it', async () => {
		const run = await query('#no_such_query');
		expect(run.json[0].error).toBe(
			'Nexthink Infinity 404: Query #no_such_query not found [nql-api]. No NQL API query has this ID: create it in Nexthink under Administration > NQL API queries, and use its ID (such as #my_query)',
		);
	});

	test('a 503 or a dropped connection on the query is retried: a query is a read, though sent as POST', async () => {
		fixture.infinity.api.faults.push({ route: 'POST /api/v2/nql/execute', kind: 'status', status: 503, times: 1 });
		const run = await query('#devices_by_name');
		expect(run.json.every((j) => j.has_error === false)).toBe(true);
		expect(run.json.length).toBeGreaterThan(0);
		expect(fixture.infinity.api.requests('POST /api/v2/nql/execute')).toHaveLength(2);

		fixture.reset();
		fixture.infinity.api.faults.push({ route: 'POST /api/v2/nql/execute', kind: 'reset', times: 1 });
		const again = await query('#devices_by_name');
		expect(again.json.every((j) => j.has_error === false)).toBe(true);
		expect(fixture.infinity.api.requests('POST /api/v2/nql/execute')).toHaveLength(2);
	});
});
