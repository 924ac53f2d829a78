import type { INodeParameters } from 'n8n-workflow';

import { NinjaOneFixture } from '../ninjaone/fixture';
import { faultCases, type Method } from './faultTable';
import { expectNoSecrets, expectNothingLost, expectNothingSentTwice, expectRoutedToErrorOutput } from './invariants';

/* Every fault the simulator can produce, on every NinjaOne operation family: the item that
   meets the fault either recovers (when a retry is safe) or fails with a clear message, and
   the items around it are answered. */

const f = new NinjaOneFixture({ organizations: 2, devices: 20 });
beforeAll(async () => {
	await f.start();
	await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '1' });
});
afterAll(async () => await f.stop());
beforeEach(() => {
	f.sim.seed({ organizations: 2, devices: 20 });
	f.sim.server.reset();
	f.sim.reboots = [];
});
afterEach(() => expect(f.sim.violations).toEqual([]));

interface Family {
	method: Method;
	parameters: INodeParameters;
	/** The route of the second item's request, where the fault is put. */
	route: string;
}

const inTwoHours = new Date(Date.now() + 7200_000).toISOString();
const families: Record<string, Family> = {
	'read (dashboard link)': {
		method: 'GET',
		parameters: { resource: 'device', operation: 'getDashboardLink', deviceId: '={{ $json.id }}' },
		route: 'GET /v2/device/2/',
	},
	'create-like write (reboot)': {
		method: 'POST',
		parameters: { resource: 'device', operation: 'reboot', deviceId: '={{ $json.id }}', mode: 'NORMAL' },
		route: 'POST /v2/device/2/',
	},
	'multipart write (ticket comment)': {
		method: 'POST',
		parameters: { resource: 'ticket', operation: 'addComment', ticketId: '={{ $json.id }}', comment: 'Looked at it', public: false },
		route: 'POST /v2/ticketing/ticket/2/',
	},
	'replace (schedule maintenance)': {
		method: 'PUT',
		parameters: { resource: 'device', operation: 'scheduleMaintenance', deviceId: '={{ $json.id }}', disabledFeatures: ['ALERTS'], end: inTwoHours },
		route: 'PUT /v2/device/2/',
	},
	'update (device)': {
		method: 'PATCH',
		parameters: { resource: 'device', operation: 'update', deviceId: '={{ $json.id }}', updateFields: { displayName: 'x' } },
		route: 'PATCH /v2/device/2',
	},
	'delete (cancel maintenance)': {
		method: 'DELETE',
		parameters: { resource: 'device', operation: 'cancelMaintenance', deviceId: '={{ $json.id }}' },
		route: 'DELETE /v2/device/2/',
	},
};

const faults = faultCases('NinjaOne').map((c) => [c.name, c.fault, c.outcome, c.message] as const);

const items = [{ id: 1 }, { id: 2 }, { id: 3 }];

describe.each(Object.entries(families))('%s', (_name, family) => {
	it.each(faults)('%s', async (_fault, fault, outcome, message) => {
		f.sim.server.faults = [{ ...fault, route: family.route }];
		const run = await f.run({ ...family.parameters, requestTimeout: 1 }, items, { onError: 'continueRegularOutput' });
		const expected = outcome(family.method);
		expectNothingLost(run, [false, expected === 'fails', false]);
		if (expected === 'fails') expect(run.json[1].error).toMatch(message);
		expectNothingSentTwice(
			f.sim.server.log,
			(r) => ((r.method === 'POST' || r.method === 'PATCH') && r.pathname.startsWith('/v2/') ? `${r.method} ${r.pathname}` : undefined),
			new Set(fault.status === 429 ? ['POST /v2/device/2/reboot/NORMAL', 'POST /v2/ticketing/ticket/2/comment', 'PATCH /v2/device/2'] : []),
		);
		expectNoSecrets([run], f.secrets());
	});
});

describe('under "Continue (using error output)"', () => {
	it.each(faults.filter(([, fault]) => fault.kind !== 'slow'))('%s on a reboot', async (_fault, fault, outcome) => {
		f.sim.server.faults = [{ ...fault, route: 'POST /v2/device/2/' }];
		const run = await f.run(families['create-like write (reboot)'].parameters, items, { onError: 'continueErrorOutput' });
		expectRoutedToErrorOutput(run, [false, outcome('POST') === 'fails', false]);
		// A fault that answers instead of the API (an empty body here) means the reboot never ran.
		const carriedOut = outcome('POST') === 'recovers' && fault.kind !== 'empty';
		expect(f.sim.reboots.map((r) => r.deviceId)).toEqual(carriedOut ? [1, 2, 3] : [1, 3]);
	});
});

describe('paged list', () => {
	it.each(faults)('%s on the second page', async (_fault, fault, outcome, message) => {
		f.sim.server.faults = [{ ...fault, route: 'GET /v2/devices', nth: [2] }];
		const run = await f.run(
			{ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 5 }, requestTimeout: 1 },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		if (outcome('GET') === 'recovers') {
			expect(run.json).toHaveLength(20);
			expect(run.json.every((j) => j.has_error === false)).toBe(true);
		} else {
			expectNothingLost(run, [true]);
			expect(run.json[0].error).toMatch(message);
		}
	});
});

describe('report paged by cursor (issue 10)', () => {
	it.each(faults)('%s on the second page', async (_fault, fault, outcome, message) => {
		f.sim.server.faults = [{ ...fault, route: 'GET /v2/queries/software', nth: [2] }];
		const run = await f.run(
			{ resource: 'report', operation: 'get', report: 'software', returnAll: true, options: { pageSize: 15 }, requestTimeout: 1 },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		if (outcome('GET') === 'recovers') {
			// 20 devices with two applications each, none lost or repeated by the retry.
			expect(run.json).toHaveLength(40);
			expect(run.json.every((j) => j.has_error === false)).toBe(true);
		} else {
			expectNothingLost(run, [true]);
			expect(run.json[0].error).toMatch(message);
		}
	});
});

describe('OAuth', () => {
	it('reports a token endpoint that is down, and keeps no secret in the message', async () => {
		delete f.helper.store.get('ninja-1')!.data.oauthTokenData;
		f.sim.tokens.outage = { status: 503, body: 'down' };
		const run = await f.run(families['read (dashboard link)'].parameters, items, { onError: 'continueRegularOutput' });
		f.sim.tokens.outage = undefined;
		expectNothingLost(run, [true, true, true]);
		expect(run.json[0].error).toMatch(/^NinjaOne( 503)?: could not get an access token/);
		expect(f.sim.server.requests('POST /ws/oauth/token').length).toBeLessThanOrEqual(3);
		expectNoSecrets([run], f.secrets());
	});

	it('refreshes a token rejected in the middle of a run once, then goes on', async () => {
		f.useGrant('clientCredentials');
		const issued = f.sim.tokens.issued;
		await f.run(families['read (dashboard link)'].parameters, [{ id: 1 }]);
		f.sim.tokens.revokeAll();
		const run = await f.run(families['read (dashboard link)'].parameters, items, { onError: 'continueRegularOutput' });
		expectNothingLost(run, [false, false, false]);
		expect(f.sim.tokens.issued - issued).toBe(2);
	});

	it('fails clearly, without looping, when the refresh itself fails', async () => {
		f.useGrant('authorizationCode');
		f.sim.tokens.revokeAll();
		f.sim.tokens.refreshTokens.clear();
		const run = await f.run(families['read (dashboard link)'].parameters, items, { onError: 'continueRegularOutput' });
		expectNothingLost(run, [true, true, true]);
		expect(f.sim.server.requests('POST /ws/oauth/token').length).toBeLessThanOrEqual(3);
		expect(f.sim.server.requests('GET /v2/device/').length).toBeLessThanOrEqual(3);
		expectNoSecrets([run], f.secrets());
		f.useGrant('clientCredentials');
	});
});

describe('bounds', () => {
	it('gives up on a storm of 429s within the retry budget, and the next items run', async () => {
		f.sim.server.faults = [{ route: 'POST /v2/device/2/', kind: 'status', status: 429, headers: { 'retry-after': '0' } }];
		const run = await f.run(families['create-like write (reboot)'].parameters, items, { onError: 'continueRegularOutput' });
		expectNothingLost(run, [false, true, false]);
		expect(run.json[1].error).toMatch(/^NinjaOne 429: .*after 5 attempts/);
		expect(f.sim.server.requests('POST /v2/device/2/')).toHaveLength(5);
	});

	it('refuses a Retry-After longer than a minute instead of hanging', async () => {
		f.sim.server.faults = [{ route: 'GET /v2/device/2/', kind: 'status', status: 429, headers: { 'retry-after': '3600' } }];
		const run = await f.run(families['read (dashboard link)'].parameters, items, { onError: 'continueRegularOutput' });
		expectNothingLost(run, [false, true, false]);
		expect(f.sim.server.requests('GET /v2/device/2/')).toHaveLength(1);
	});

	it('stops at once when cancelled during a Retry-After wait', async () => {
		f.sim.server.faults = [{ route: 'GET /v2/device/2/', kind: 'status', status: 429, headers: { 'retry-after': '30' } }];
		const began = Date.now();
		const run = await f.run(families['read (dashboard link)'].parameters, items, { cancelAfter: 400 });
		expect(Date.now() - began).toBeLessThan(3000);
		expect(run.run.status).toBe('canceled');
	});
});
