import type { INodeParameters } from 'n8n-workflow';

import { NexthinkFixture } from '../nexthink/fixture';
import { deviceUid, PORTAL_ACTIONS } from '../../simulator/nexthinkPortal';
import { INFINITY_DEVICES, INFINITY_USERS } from '../../simulator/nexthinkInfinity';
import type { SimServer } from '../../simulator/server';
import { faultCases, type Method } from './faultTable';
import { expectNoSecrets, expectNothingLost, expectNothingSentTwice, expectRoutedToErrorOutput } from './invariants';

/* The same faults on every Nexthink operation family, classic Portal and Infinity. */

const f = new NexthinkFixture();
beforeAll(async () => {
	await f.start();
	await f.runInfinity({ resource: 'remoteAction', operation: 'list' });
});
afterAll(async () => await f.stop());
beforeEach(() => f.reset());
afterEach(() => expect(f.infinity.violations).toEqual([]));

interface Family {
	/** A key that a re-sent write would repeat (undefined for reads). */
	writeKey?: (body: any) => string;
	api: 'portal' | 'infinity';
	method: Method;
	route: string;
	parameters: INodeParameters;
	server: () => SimServer;
	/** A Portal run waits out the Portal's own timeout: a slow answer is not a timeout there. */
	waitsForPortal?: boolean;
	/** A read sent as POST (NQL): an empty answer is an error, and the request is retried like a GET. */
	readByPost?: boolean;
	/** The API's name in messages, where it is not the Portal's or Infinity's. */
	apiName?: string;
	/** Answers read as they arrive (NXQL): what an unreadable 200 answer fails with, by fault. */
	unreadable?: Partial<Record<string, RegExp>>;
}

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const families: Record<string, Family> = {
	'Portal: Remote Action > Run': {
		api: 'portal',
		method: 'POST',
		route: 'POST /api/remoteaction/v2/run',
		parameters: { resource: 'remoteAction', operation: 'run', remoteActionUid: PORTAL_ACTIONS.restartService, deviceUids: `${deviceUid(1)}, ${deviceUid(2)}` },
		server: () => f.portal.server,
		waitsForPortal: true,
		writeKey: (body) => body.requestUid,
	},
	'Portal: Engine > List': {
		api: 'portal',
		method: 'GET',
		route: 'GET /api/configuration/v1/engines',
		parameters: { resource: 'engine', operation: 'list' },
		server: () => f.portal.server,
	},
	'Portal: NXQL > Execute Query': {
		api: 'portal',
		apiName: 'Nexthink Engine',
		method: 'GET',
		route: 'GET /2/query',
		get parameters() {
			const engine = { __rl: true, mode: 'list', value: f.portal.engines[0].address };
			return { resource: 'nxql', operation: 'executeQuery', engine, query: '(select (name) (from device))', platforms: ['windows'] };
		},
		server: () => f.portal.engineServers[0],
		unreadable: {
			truncatedJson: /^Nexthink Engine 200: the answer is not a JSON list of rows: it starts with "\{/,
			html: /^Nexthink Engine 200: the answer is not a JSON list of rows: it starts with "<!DOCTYPE html>/,
			empty: /^Nexthink Engine 200: the answer is not a JSON list of rows: it is empty/,
		},
	},
	'Infinity: Remote Action > Execute': {
		api: 'infinity',
		method: 'POST',
		route: 'POST /api/v1/act/execute',
		parameters: {
			resource: 'remoteAction',
			operation: 'execute',
			remoteActionId: byId('#restart_service'),
			devices: INFINITY_DEVICES[0].collectorId,
			options: { externalReference: '={{ "ticket-" + $itemIndex }}' },
		},
		server: () => f.infinity.api,
		writeKey: (body) => body.triggerInfo.externalReference,
	},
	'Infinity: Remote Action > List': {
		api: 'infinity',
		method: 'GET',
		route: 'GET /api/v1/act/remote-action',
		parameters: { resource: 'remoteAction', operation: 'list' },
		server: () => f.infinity.api,
	},
	'Infinity: Remote Action > Get': {
		api: 'infinity',
		method: 'GET',
		route: 'GET /api/v1/act/remote-action/details',
		parameters: { resource: 'remoteAction', operation: 'get', remoteActionId: byId('#restart_service') },
		server: () => f.infinity.api,
	},
	'Infinity: Workflow > Execute by External IDs': {
		api: 'infinity',
		method: 'POST',
		route: 'POST /api/v2/workflows/execute',
		parameters: {
			resource: 'workflow',
			operation: 'executeByExternalIds',
			workflowId: byId('#reset_vpn'),
			devices: INFINITY_DEVICES[0].name,
			params: { parameter: [{ name: 'ticket', value: '={{ "ticket-" + $itemIndex }}' }] },
		},
		server: () => f.infinity.api,
		writeKey: (body) => body.params.ticket,
	},
	'Infinity: Workflow > Get Many': {
		api: 'infinity',
		method: 'GET',
		route: 'GET /api/v1/workflows',
		parameters: { resource: 'workflow', operation: 'getMany', dependency: 'DEVICE', triggerMethod: 'API' },
		server: () => f.infinity.api,
	},
	'Infinity: Campaign > Trigger': {
		api: 'infinity',
		method: 'POST',
		route: 'POST /api/v1/euf/campaign/trigger',
		parameters: {
			resource: 'campaign',
			operation: 'trigger',
			campaignNqlId: '#vpn_satisfaction',
			users: INFINITY_USERS[0].sid,
			expiresInMinutes: 60,
			parameters: { parameter: [{ name: 'vpn_name', value: '={{ "vpn-" + $itemIndex }}' }] },
		},
		server: () => f.infinity.api,
		writeKey: (body) => body.parameters.vpn_name,
	},
	'Infinity: Enrichment > Set Fields': {
		api: 'infinity',
		method: 'POST',
		route: 'POST /api/v1/enrichment/data/fields',
		parameters: {
			resource: 'enrichment',
			operation: 'setFields',
			objects: INFINITY_DEVICES[0].name,
			fields: { field: [{ name: 'device/device/#location', value: 'Geneva' }] },
			options: { domain: '={{ "sync-" + $itemIndex }}' },
		},
		server: () => f.infinity.api,
		writeKey: (body) => body.domain,
	},
	'Infinity: NQL > Execute Query': {
		api: 'infinity',
		method: 'POST',
		route: 'POST /api/v2/nql/execute',
		parameters: { resource: 'nql', operation: 'executeQuery', queryId: '#devices_by_name' },
		server: () => f.infinity.api,
		readByPost: true,
	},
};

const run = (family: Family, parameters: INodeParameters, onError: 'continueRegularOutput' | 'continueErrorOutput') =>
	(family.api === 'portal' ? f.runPortal : f.runInfinity).call(f, { ...parameters, requestTimeout: 1 }, [{}, {}, {}], { onError });
const secrets = () => [
	...f.infinity.issuedTokens,
	f.infinity.tokens.client.clientSecret,
	'sim-portal-pass-7c41e2',
];

describe.each(Object.entries(families))('%s', (_name, family) => {
	const apiName = family.apiName ?? (family.api === 'portal' ? 'Nexthink Portal' : 'Nexthink Infinity');
	it.each(faultCases(apiName).map((c) => [c.name, c] as const))('%s', async (_case, c) => {
		family.server().faults = [{ ...c.fault, route: family.route, nth: [2] }];
		const emptyRead = c.fault.kind === 'empty' && family.readByPost;
		const outcome =
			(c.fault.kind === 'slow' && family.waitsForPortal) ? 'recovers' : emptyRead ? 'fails' : c.outcome(family.method, family.readByPost);
		const result = await run(family, family.parameters, 'continueRegularOutput');
		expectNothingLost(result, [false, outcome === 'fails', false]);
		const unreadable = c.fault.status === undefined || c.fault.status === 200 ? family.unreadable?.[c.fault.kind] : undefined;
		const message = emptyRead ? /^Nexthink Infinity answered query #devices_by_name without a list of rows/ : (unreadable ?? c.message);
		if (outcome === 'fails') expect(result.json.find((j) => j.has_error)?.error).toMatch(message);
		const keyOf = (r: { method: string; pathname: string; body: unknown }) =>
			family.writeKey && `${r.method} ${r.pathname}` === family.route ? family.writeKey(r.body) : undefined;
		const rateLimited = family.server().log.filter((r) => c.fault.status === 429 && r.nthOnRoute === 2).map(keyOf);
		expectNothingSentTwice(family.server().log, keyOf, new Set(rateLimited.filter((k): k is string => !!k)));
		expectNoSecrets([result], secrets());
	});

	it('routes the failed item to the error output', async () => {
		// A 400 fails every family on its first answer (a read's 500 is tried once more).
		family.server().faults = [{ kind: 'status', status: 400, body: { message: 'boom' }, route: family.route, nth: [2] }];
		const result = await run(family, family.parameters, 'continueErrorOutput');
		expectRoutedToErrorOutput(result, [false, true, false]);
	});
});

describe('Portal Engines', () => {
	it('reports every per-Engine code in the summary and, on request, as the item\'s error', async () => {
		const codes = ['ok', 'timeout', 'engine_error', 'not_connected', 'excluded', 'unknown', 'no_permission'];
		f.portal.engines = [];
		for (const code of codes) f.portal.addEngine(`engine-${code}`, 'CONNECTED', { code, message: `said ${code}` });
		const parameters = { ...families['Portal: Remote Action > Run'].parameters, options: { treatEngineFailuresAsErrors: true } };
		const result = await f.runPortal(parameters, [{}], { onError: 'continueRegularOutput' });
		expectNothingLost(result, [true]);
		const summary = (result.json[0].result as any).summary;
		expect(summary.counts).toEqual(Object.fromEntries(codes.map((code) => [code, 1])));
		for (const code of codes.slice(1)) expect(result.json[0].error).toContain(code);
	});

	it('waits out Engines that never answer within timeoutSeconds, and reports them as timeout', async () => {
		const [geneva] = f.portal.engines;
		f.portal.silentEngines.add(geneva.databaseUID);
		const began = Date.now();
		const parameters = { ...families['Portal: Remote Action > Run'].parameters, options: { timeoutSeconds: 1 } };
		const result = await f.runPortal({ ...parameters, requestTimeout: 1 }, [{}], { onError: 'continueRegularOutput' });
		expect(Date.now() - began).toBeGreaterThanOrEqual(1000);
		expectNothingLost(result, [false]);
		const engines = (result.json[0].result as any).engines;
		expect(engines.find((e: any) => e.databaseUid === geneva.databaseUID).code).toBe('timeout');
		expect(f.portal.runs).toHaveLength(1);
	});
});

describe('Infinity token', () => {
	it('survives the 15-minute token expiring between items: one refresh, nothing lost', async () => {
		const first = await f.runInfinity(families['Infinity: Remote Action > List'].parameters);
		expect(first.error).toBeUndefined();
		const issued = f.infinity.issuedTokens.length;
		// The token is now past its lifetime for the API, though the credential still holds it.
		f.infinity.tokens.revokeAll();
		const result = await f.runInfinity(families['Infinity: Remote Action > Get'].parameters, [{}, {}, {}], {
			onError: 'continueRegularOutput',
		});
		expectNothingLost(result, [false, false, false]);
		expect(f.infinity.issuedTokens.length - issued).toBe(1);
		expectNoSecrets([result], secrets());
	});

	it('fails clearly, without a loop, when the token service is down', async () => {
		f.infinity.tokens.outage = { status: 503, body: { error: 'temporarily_unavailable' } };
		const result = await f.runInfinity(families['Infinity: Remote Action > List'].parameters, [{}, {}], {
			onError: 'continueRegularOutput',
		});
		f.infinity.tokens.outage = undefined;
		expectNothingLost(result, [true, true]);
		expect(f.infinity.login.log.length).toBeLessThanOrEqual(4);
		expect(f.infinity.api.log).toHaveLength(0);
		expectNoSecrets([result], secrets());
	});
});
