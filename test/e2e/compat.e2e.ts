import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import { n8nVersion } from '../../sandbox/n8n';
import { deviceUid, PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { type E2eN8n, envelopes, outputOf, prepareN8n, type Workflow } from './support';

/* What differs between n8n versions, run in each tested n8n (N8N_VERSION: 2.41.1 by default,
   1.123.81 in `npm run test:e2e:n8n1`): the package installed as n8n installs it, on that n8n's own
   n8n-workflow; retries that depend on the status and headers of an error (429 with Retry-After, 503
   on a read); the API's own words in errors; a refused Basic-auth POST sent once. */

let sandbox: Sandbox;
let n8n: E2eN8n;

const CREDENTIALS = {
	ninjaOne: { ninjaOneOAuth2Api: { id: 'ninjaOneApp00001', name: 'NinjaOne (client credentials)' } },
	portal: { nexthinkPortalApi: { id: 'nexthinkPortal01', name: 'Nexthink Portal (classic)' } },
};

/** Manual trigger → one node of this package under "Continue", parameters as given. */
function oneNodeWorkflow(id: string, type: 'ninjaOne' | 'nexthinkAct', parameters: Record<string, unknown>): Workflow {
	return {
		id,
		name: `e2e compat: ${id}`,
		active: false,
		nodes: [
			{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${id}-node`,
				name: 'Node',
				type: type === 'ninjaOne' ? 'n8n-nodes-ninjaone.ninjaOne' : 'n8n-nodes-nexthink.nexthinkAct',
				typeVersion: 1,
				position: [220, 0],
				parameters: { requestInterval: 0, ...parameters },
				credentials: type === 'ninjaOne' ? CREDENTIALS.ninjaOne : CREDENTIALS.portal,
				onError: 'continueRegularOutput',
			},
		],
		connections: { Start: { main: [[{ node: 'Node', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	} as Workflow;
}

const WORKFLOWS = [
	oneNodeWorkflow('e2eCompatReboot1', 'ninjaOne', { resource: 'device', operation: 'reboot', deviceId: '7', mode: 'NORMAL', reason: 'compat' }),
	oneNodeWorkflow('e2eCompatLink001', 'ninjaOne', { resource: 'device', operation: 'getDashboardLink', deviceId: '8' }),
	oneNodeWorkflow('e2eCompatScript1', 'ninjaOne', { resource: 'script', operation: 'run', deviceId: '9', type: 'SCRIPT', scriptId: '101', runAs: 'system' }),
	oneNodeWorkflow('e2eCompatPortal1', 'nexthinkAct', {
		api: 'portal',
		resource: 'remoteAction',
		operation: 'run',
		remoteActionUid: PORTAL_ACTIONS.automaticOnly,
		deviceUids: JSON.stringify([deviceUid(1)]),
		options: {},
	}),
];

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	n8n = await prepareN8n('compat', sandbox.credentials(), WORKFLOWS);
	process.stdout.write(`compat e2e on n8n ${n8nVersion(n8n.dir)}\n`);
}, 900_000);

afterAll(async () => {
	await sandbox?.stop();
});

beforeEach(() => {
	for (const server of sandbox.apis.flatMap((api) => api.servers)) server.reset();
});

afterEach(() => {
	for (const api of sandbox.apis) expect(api.violations).toEqual([]);
});

test('a 429 with Retry-After is retried after the wait, and the reboot happens once', async () => {
	const ninja = sandbox.ninjaOne;
	ninja.reboots.length = 0;
	ninja.server.faults.push({ route: 'POST /v2/device/7/reboot', kind: 'status', status: 429, times: 1, headers: { 'retry-after': '1' }, body: { errorMessage: 'Too many requests' } });

	const run = await n8n.execute('e2eCompatReboot1');

	const [result] = envelopes(outputOf(run, 'Node'));
	expect(result).toMatchObject({ has_error: false, result: { deviceId: 7, requested: true } });
	const sent = ninja.server.requests('POST /v2/device/7/reboot');
	expect(sent).toHaveLength(2);
	// The second attempt was started after the 429's answer plus one second: nothing can shorten that.
	expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(995);
	expect(ninja.reboots).toEqual([{ deviceId: 7, mode: 'NORMAL', reason: 'compat' }]);
});

test('a 503 on a read is retried', async () => {
	const ninja = sandbox.ninjaOne;
	ninja.server.faults.push({ route: 'GET /v2/device/8/dashboard-url', kind: 'status', status: 503, times: 1, headers: { 'retry-after': '0' } });

	const run = await n8n.execute('e2eCompatLink001');

	const [result] = envelopes(outputOf(run, 'Node'));
	expect(result.has_error).toBe(false);
	expect(ninja.server.requests('GET /v2/device/8/dashboard-url')).toHaveLength(2);
});

test('an API error keeps the status, the API\'s words and the advice', async () => {
	const run = await n8n.execute('e2eCompatScript1');

	const [result] = envelopes(outputOf(run, 'Node'));
	expect(result.has_error).toBe(true);
	expect(result.error).toMatch(/^NinjaOne 403: This operation requires a user context \(user_context_required\)\. Script > Run needs a credential with the Authorization Code grant type/);
});

test('a Portal error keeps its code and advice', async () => {
	const run = await n8n.execute('e2eCompatPortal1');

	const [result] = envelopes(outputOf(run, 'Node'));
	expect(result.has_error).toBe(true);
	expect(result.error).toMatch(/^Nexthink Portal 400: .*NO_MANUAL_EXECUTION/);
});

test('a Portal run answered 401 reaches the Portal once (one failed login, not two)', async () => {
	const portal = sandbox.nexthinkPortal;
	portal.server.faults.push({ route: 'POST /api/remoteaction/v2/run', kind: 'status', status: 401, body: 'Unauthorized' });

	const run = await n8n.execute('e2eCompatPortal1');

	const [result] = envelopes(outputOf(run, 'Node'));
	expect(result.error).toMatch(/^Nexthink Portal 401: /);
	expect(portal.server.requests('POST /api/remoteaction/v2/run')).toHaveLength(1);
});
