import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

const [alice, bob] = INFINITY_DEVICES;
const continueOnFail = { onError: 'continueRegularOutput' as const };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const execute = (extra: Record<string, unknown> = {}, items = [{}]) =>
	fixture.runInfinity(
		{
			resource: 'remoteAction',
			operation: 'execute',
			remoteActionId: byId('#restart_service'),
			devices: `${alice.collectorId}, ${bob.collectorId}`,
			...extra,
		},
		items,
		continueOnFail,
	);
const sentBodies = () => fixture.infinity.api.requests('POST /api/v1/act/execute').map((r) => r.body as any);

describe('Nexthink Infinity: Remote Action > Execute', () => {
	test('sends the action, devices and n8n as the trigger, and returns the request ID', async () => {
		const run = await execute();
		expect(run.json[0]).toMatchObject({ has_error: false, error: null });
		expect(sentBodies()).toEqual([
			{ remoteActionId: '#restart_service', devices: [alice.collectorId, bob.collectorId], triggerInfo: { externalSource: 'n8n' } },
		]);
		const [execution] = fixture.infinity.executions;
		expect(results(run)[0]).toEqual({
			remoteActionId: '#restart_service',
			requestIds: [execution.requestId],
			devices: 2,
			batches: 1,
			expiresInMinutes: 60,
			triggerInfo: { externalSource: 'n8n' },
		});
	});

	test('params as a map, expiry and trigger details', async () => {
		const run = await execute({
			remoteActionId: { __rl: true, mode: 'list', value: '#restart_service', cachedResultName: 'Restart service' },
			devices: `={{ ${JSON.stringify([alice.collectorId])} }}`,
			params: { parameter: [{ name: 'ServiceName', value: 'Spooler' }, { name: 'Retries', value: '={{ 3 }}' }] },
			options: { expiresInMinutes: 1440, reason: 'User reported printing issue', externalReference: 'INC0012345', externalSource: 'ServiceNow via n8n' },
		});
		expect(run.json[0].has_error).toBe(false);
		expect(sentBodies()[0]).toEqual({
			remoteActionId: '#restart_service',
			devices: [alice.collectorId],
			params: { ServiceName: 'Spooler', Retries: '3' },
			expiresInMinutes: 1440,
			triggerInfo: { externalSource: 'ServiceNow via n8n', reason: 'User reported printing issue', externalReference: 'INC0012345' },
		});
		expect(results(run)[0].expiresInMinutes).toBe(1440);
	});

	test('more than 10,000 devices are split into batches, one request ID each', async () => {
		const devices = Array.from({ length: 25_000 }, (_, i) => `collector-${i}`);
		const run = await execute({ devices: JSON.stringify(devices) });
		const bodies = sentBodies();
		expect(bodies.map((b) => b.devices.length)).toEqual([10_000, 10_000, 5_000]);
		expect(bodies.flatMap((b) => b.devices)).toEqual(devices);
		const requestIds = [...new Set(fixture.infinity.executions.map((e) => e.requestId))];
		expect(results(run)[0]).toMatchObject({ requestIds, devices: 25_000, batches: 3 });
	});

	test('a 429 is waited out as Retry-After says, then the execute is sent again', async () => {
		fixture.infinity.api.faults.push({
			route: 'POST /api/v1/act/execute',
			kind: 'status',
			status: 429,
			times: 1,
			headers: { 'retry-after': '0.4' },
			body: { code: 'TOO_MANY_REQUESTS', message: 'Rate limit exceeded' },
		});
		const run = await execute();
		expect(run.json[0].has_error).toBe(false);
		const [first, second] = fixture.infinity.api.requests('POST /api/v1/act/execute');
		// The 429 was answered after the first request arrived; the node waited 0.4 s after the
		// answer before it started the second: no scheduling delay can shorten that.
		expect(second.at - first.at).toBeGreaterThanOrEqual(395);
		expect(fixture.infinity.executions).toHaveLength(2);
	});

	test('an execute answered without a body still confirms what was sent', async () => {
		fixture.infinity.api.faults.push({ route: 'POST /api/v1/act/execute', kind: 'empty', status: 200 });
		const run = await execute();
		expect(run.json[0]).toMatchObject({
			has_error: false,
			result: { remoteActionId: '#restart_service', requestIds: [], devices: 2, batches: 1 },
		});
	});

	test('errors in the API\'s words, with what to do', async () => {
		const disabled = await execute({ remoteActionId: byId('#disk_cleanup') });
		expect(disabled.json[0].error).toMatch(
			/^Nexthink Infinity 403: Remote action #disk_cleanup cannot be triggered through the API \(API_TRIGGER_DISABLED\)\. The API credential lacks the permission, or the remote action is not enabled for API triggering/,
		);
		const unknown = await execute({ remoteActionId: byId('#no_such_action') });
		expect(unknown.json[0].error).toBe('Nexthink Infinity 400: Remote action #no_such_action does not exist (INVALID_REMOTE_ACTION)');
		expect(fixture.infinity.api.requests('POST /api/v1/act/execute')).toHaveLength(2);
	});
});

describe('Nexthink Infinity: Remote Action > List and Get', () => {
	test('List gives one item per remote action, optionally only the API-enabled ones', async () => {
		const all = await fixture.runInfinity({ resource: 'remoteAction', operation: 'list' });
		expect(results(all).map((a) => a.id)).toEqual(fixture.infinity.remoteActions.map((a) => a.id));
		const enabled = await fixture.runInfinity({ resource: 'remoteAction', operation: 'list', apiEnabledOnly: true });
		expect(results(enabled).map((a) => a.id)).toEqual(['#restart_service', '#clear_teams_cache', '#get_startup_impact']);
		expect(results(enabled)[0]).toMatchObject({ name: 'Restart service', targeting: { apiEnabled: true }, scriptInfo: { inputs: [{ id: 'ServiceName' }] } });
	});

	test('Get finds a remote action by NQL ID, and says what to do when there is none', async () => {
		const found = await fixture.runInfinity({ resource: 'remoteAction', operation: 'get', remoteActionId: byId('#disk_cleanup') });
		expect(results(found)[0]).toMatchObject({ id: '#disk_cleanup', name: 'Disk cleanup', targeting: { apiEnabled: false } });
		const [request] = fixture.infinity.api.requests('GET /api/v1/act/remote-action/details');
		expect(request.query.get('nql-id')).toBe('#disk_cleanup');

		const missing = await fixture.runInfinity(
			{ resource: 'remoteAction', operation: 'get', remoteActionId: byId('#nope') },
			[{}],
			continueOnFail,
		);
		expect(missing.json[0].error).toBe(
			'Nexthink Infinity 404: No remote action with NQL ID #nope (NOT_FOUND). No remote action has this ID: Remote Action > List gives the IDs (such as #restart_service)',
		);
	});
});
