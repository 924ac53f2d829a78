import type { IDataObject } from 'n8n-workflow';

import type { SimRequest } from '../../simulator/server';
import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { NexthinkFixture } from '../nexthink/fixture';
import { NinjaOneFixture } from '../ninjaone/fixture';

/* The request interval as the API sees it, with tokens fetched on the way: a token request that
   takes TOKEN_DELAY ms must not come out of the interval. Judged by bounds a busy machine cannot
   break: the node gets a token no earlier than the token service answers (its request's arrival plus
   the delay), and request k after it cannot arrive before k intervals after that. The event loop is
   kept busy during the runs (load), which can only make every arrival later. */

const INTERVAL = 500;
const TOKEN_DELAY = 400;

/** Blocks the event loop for `busy` ms every `every` ms, as a loaded machine would. */
function load(busy = 30, every = 60): () => void {
	const timer = setInterval(() => {
		const until = performance.now() + busy;
		while (performance.now() < until);
	}, every);
	return () => clearInterval(timer);
}

/** Every request after a token was fetched keeps its place from the token's answer on. */
function expectSpacedAfterToken(token: SimRequest, requests: SimRequest[]): void {
	const answered = token.at + TOKEN_DELAY;
	const after = requests.filter((r) => r.at > token.at);
	expect(after.length).toBeGreaterThan(0);
	after.forEach((request, k) => expect(request.at - answered).toBeGreaterThanOrEqual(k * INTERVAL));
}

describe('the request interval holds at the API, token fetches included', () => {
	const nexthink = new NexthinkFixture();
	const ninja = new NinjaOneFixture({ organizations: 1, devices: 6 });
	beforeAll(async () => {
		await Promise.all([nexthink.start(), ninja.start()]);
		// The first request of a process loads parts of n8n-core lazily: done once, outside the timing.
		await ninja.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '1' });
		ninja.useGrant('clientCredentials');
	});
	afterAll(async () => await Promise.all([nexthink.stop(), ninja.stop()]));
	beforeEach(() => {
		nexthink.reset();
		ninja.sim.server.reset();
	});

	test('Nexthink Infinity: Workflow > Execute, 4 items at 500 ms, a token fetched before the first request and again after a 401', async () => {
		nexthink.infinity.login.faults.push({ route: 'POST /oauth2/default/v1/token', kind: 'slow', delay: TOKEN_DELAY });
		// The third request finds its token revoked: the node fetches a new one and sends it again.
		nexthink.infinity.expireTokensAtRequest = 3;
		const stop = load();
		const run = await nexthink
			.runInfinity(
				{
					resource: 'workflow',
					operation: 'execute',
					requestInterval: INTERVAL,
					workflowId: { __rl: true, mode: 'id', value: '#reset_vpn' },
					devices: INFINITY_DEVICES[0].collectorId,
				},
				[{}, {}, {}, {}],
			)
			.finally(stop);
		expect(run.error).toBeUndefined();
		expect(run.json.map((j) => j.has_error)).toEqual([false, false, false, false]);

		const tokens = nexthink.infinity.login.requests('POST /oauth2/default/v1/token');
		const calls = nexthink.infinity.api.requests('POST /api/v1/workflows/execute');
		expect(tokens).toHaveLength(2);
		expect(calls).toHaveLength(5);
		for (const token of tokens) expectSpacedAfterToken(token, calls);
		expect(nexthink.infinity.violations).toEqual([]);
	});

	test('NinjaOne: the OAuth2 token fetched by n8n before the first request does not shorten the interval', async () => {
		ninja.useGrant('clientCredentials');
		ninja.sim.server.faults.push({ route: 'POST /ws/oauth/token', kind: 'slow', delay: TOKEN_DELAY });
		const stop = load();
		const run = await ninja
			.run({ resource: 'device', operation: 'reboot', deviceId: '={{ $json.id }}', mode: 'NORMAL', requestInterval: INTERVAL }, [
				{ id: 1 },
				{ id: 2 },
				{ id: 5 },
				{ id: 6 },
			] as IDataObject[])
			.finally(stop);
		expect(run.error).toBeUndefined();
		const [token, ...others] = ninja.sim.server.requests('POST /ws/oauth/token');
		expect(others).toEqual([]);
		const reboots = ninja.sim.server.requests(/^POST \/v2\/device\/\d+\/reboot/);
		expect(reboots).toHaveLength(4);
		expectSpacedAfterToken(token, reboots);
		expect(ninja.sim.violations).toEqual([]);
	});
});
