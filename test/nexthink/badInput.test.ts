import { PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { NexthinkFixture } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => {
	// Every bad input is refused before any request, token requests included.
	expect(fixture.portal.server.log).toEqual([]);
	expect(fixture.infinity.login.log).toEqual([]);
	expect(fixture.infinity.api.log).toEqual([]);
});

const portalRun = (extra: Record<string, unknown>) => ({
	resource: 'remoteAction',
	operation: 'run',
	remoteActionUid: PORTAL_ACTIONS.restartService,
	deviceUids: 'a1b2',
	...extra,
});
const infinityExecute = (extra: Record<string, unknown>) => ({
	resource: 'remoteAction',
	operation: 'execute',
	remoteActionId: { __rl: true, mode: 'id', value: '#restart_service' },
	devices: 'c1',
	...extra,
});

describe('Nexthink: bad input is refused before any request', () => {
	test.each([
		// Empty literals are n8n's own "Parameter is required"; expressions reach the node's check.
		['no devices', portalRun({ deviceUids: '={{ [] }}' }), /^Device UIDs \(item 0\): at least one device is required$/],
		['only separators as devices', portalRun({ deviceUids: ' ,\n, ' }), /^Device UIDs \(item 0\): at least one device is required$/],
		['a malformed device list', portalRun({ deviceUids: '["a1", "a2"' }), /^Device UIDs \(item 0\): is not valid JSON/],
		['a device that is an object', portalRun({ deviceUids: '={{ [{"uid": 1}] }}' }), /^Device UIDs \(item 0\): entry 0 must be text or a number/],
		['no remote action UID', portalRun({ remoteActionUid: ' ' }), /^Remote Action UID \(item 0\): is required$/],
		['a parameter without a name', portalRun({ params: { parameter: [{ name: '', value: 'x' }] } }), /^Parameters \(item 0\): parameter 1 has no name$/],
		['a parameter given twice', portalRun({ params: { parameter: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] } }), /^Parameters \(item 0\): parameter "A" is given twice$/],
		['a parameter value that is an object', portalRun({ params: { parameter: [{ name: 'A', value: '={{ {"x": 1} }}' }] } }), /^Parameters \(item 0\): the value of "A" must be text/],
		['a timeout of 0', portalRun({ options: { timeoutSeconds: 0 } }), /^Portal Timeout \(Seconds\) \(item 0\): must be at least 1, got 0$/],
		['a batch size of 0', portalRun({ options: { maxDevicesPerRequest: 0 } }), /^Max Devices per Request \(item 0\): must be at least 1, got 0$/],
	])('Portal Run: %s', async (_name, parameters, message) => {
		const run = await fixture.runPortal(parameters, [{}], { onError: 'continueRegularOutput' });
		expect(run.json[0]).toMatchObject({ has_error: true, result: null });
		expect(run.json[0].error).toMatch(message);
	});

	test.each([
		['no devices', infinityExecute({ devices: '[]' }), /^Devices \(item 0\): at least one device is required$/],
		['a malformed device list', infinityExecute({ devices: '[c1, c2]' }), /^Devices \(item 0\): is not valid JSON/],
		['expiresInMinutes below 60', infinityExecute({ options: { expiresInMinutes: 59 } }), /^Expires In \(Minutes\) \(item 0\): must be at least 60, got 59$/],
		['expiresInMinutes above 10,080', infinityExecute({ options: { expiresInMinutes: 10081 } }), /^Expires In \(Minutes\) \(item 0\): must be at most 10080, got 10081$/],
		['expiresInMinutes not whole', infinityExecute({ options: { expiresInMinutes: 90.5 } }), /^Expires In \(Minutes\) \(item 0\): must be a whole number/],
		['a reason over 500 characters', infinityExecute({ options: { reason: 'x'.repeat(501) } }), /^Reason \(item 0\): is 501 characters long; Nexthink takes at most 500$/],
		['more than 10,000 devices per request', infinityExecute({ options: { maxDevicesPerRequest: 10001 } }), /^Max Devices per Request \(item 0\): must be at most 10000/],
		['no remote action', infinityExecute({ remoteActionId: { __rl: true, mode: 'id', value: '={{ "" }}' } }), /^Remote Action \(item 0\): is required/],
		['a query ID without #', { resource: 'nql', operation: 'executeQuery', queryId: 'my_query' }, /^Query ID \(item 0\): must be # followed by 2 to 255 lowercase letters/],
		['a query ID in capitals', { resource: 'nql', operation: 'executeQuery', queryId: '#My_Query' }, /^Query ID \(item 0\): must be #/],
	])('Infinity: %s', async (_name, parameters, message) => {
		const run = await fixture.runInfinity(parameters, [{}], { onError: 'continueRegularOutput' });
		expect(run.json[0]).toMatchObject({ has_error: true, result: null });
		expect(run.json[0].error).toMatch(message);
	});

	test('without Continue, bad input stops the node with the same message', async () => {
		const stopped = await fixture.runPortal(portalRun({ deviceUids: '={{ $json.devices }}' }), [{ devices: '' }]);
		expect(stopped.error?.message).toBe('Device UIDs (item 0): at least one device is required');
	});
});
