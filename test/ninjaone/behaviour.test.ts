import type { IDataObject } from 'n8n-workflow';

import { pairedIndex } from '../harness/engine';
import { NinjaOneFixture } from './fixture';

/* The behaviour both nodes share, proven on NinjaOne: throttle, cancellation, errors under
   "Continue" and "Continue (using error output)", retries, and secrets kept out of output. */

const f = new NinjaOneFixture({ organizations: 2, devices: 20 });
beforeAll(async () => {
	await f.start();
	// The first request of a process loads parts of n8n-core lazily (about a second here):
	// done once, so the timing checks below see the node, not module loading.
	await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '1' });
});
afterAll(async () => await f.stop());
beforeEach(() => {
	f.sim.server.reset();
	f.sim.reboots = [];
	f.sim.seed({ organizations: 2, devices: 20 });
	f.useGrant('clientCredentials');
});
afterEach(() => expect(f.sim.violations).toEqual([]));

const reboot = (extra: IDataObject = {}) => ({
	resource: 'device',
	operation: 'reboot',
	deviceId: '={{ $json.id }}',
	mode: 'NORMAL',
	...extra,
});
const ids = (...list: number[]) => list.map((id) => ({ id }));
const starts = (route: string) => f.sim.server.requests(route).map((r) => r.at);
/**
 * The throttle judged by what no scheduling delay can shorten: the node starts request k no
 * earlier than (k - 1) intervals after the run began, and a request arrives after it started.
 * A busy machine only makes arrivals later. (The exact bound is test/shared/throttle.test.ts,
 * at the clock itself.)
 */
const expectSpacedFrom = (began: number, arrivals: number[], interval: number) => {
	arrivals.forEach((at, k) => expect(at - began).toBeGreaterThanOrEqual(k * interval));
	expect([...arrivals].sort((a, b) => a - b)).toEqual(arrivals);
};

describe('throttle', () => {
	it('starts requests at least the interval apart, items and pages alike', async () => {
		let began = performance.timeOrigin + performance.now(); // the simulator's clock
		await f.run(reboot({ requestInterval: 300 }), ids(1, 2, 5, 6));
		const reboots = starts('POST /v2/device');
		expect(reboots).toHaveLength(4);
		expectSpacedFrom(began, reboots, 300);

		f.sim.server.reset();
		began = performance.timeOrigin + performance.now();
		await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 5 }, requestInterval: 250 });
		const pages = starts('GET /v2/devices');
		expect(pages.length).toBeGreaterThanOrEqual(4);
		expectSpacedFrom(began, pages, 250);
	});

	it('does not add the interval on top of latency', async () => {
		f.sim.server.latency = 600;
		await f.run(reboot({ requestInterval: 500 }), ids(1, 2, 5));
		// Each request waits 600 ms for its answer, already more than the interval: the next one
		// starts right after the answer (about 1,200 ms for the two gaps), not 500 ms later (2,200 ms).
		const arrivals = starts('POST /v2/device');
		expect(arrivals[2] - arrivals[0]).toBeLessThan(1700);
	});

	it('does not wait after the last request', async () => {
		const began = Date.now();
		await f.run(reboot({ requestInterval: 2000 }), ids(1, 2));
		const last = Math.max(...starts('POST /v2/device'));
		// A wait after the last request would add 2,000 ms here.
		expect(Date.now() - last).toBeLessThan(1500);
		expect(Date.now() - began).toBeGreaterThanOrEqual(2000);
	});

	it('stops at once when the execution is cancelled during a wait', async () => {
		const began = Date.now();
		const run = await f.run(reboot({ requestInterval: 10_000 }), ids(1, 2, 5), { cancelAfter: 300 });
		expect(Date.now() - began).toBeLessThan(3000);
		expect(f.sim.reboots).toHaveLength(1);
		expect(run.run.status).toBe('canceled');
	});
});

describe('errors', () => {
	it('throws with the item index and the API\'s own words when not continuing', async () => {
		const run = await f.run(reboot(), ids(1, 999));
		expect(run.error?.message).toMatch(/^NinjaOne 404: Device 999 not found \(DEVICE_NOT_FOUND\)/);
		expect((run.error?.context as IDataObject)?.itemIndex).toBe(1);
	});

	it('keeps going under "Continue": one output item per input, the failed one marked', async () => {
		const run = await f.run(reboot(), ids(1, 999, 2), { onError: 'continueRegularOutput' });
		expect(run.outputs).toHaveLength(1);
		expect(run.json.map((j) => j.has_error)).toEqual([false, true, false]);
		expect(run.json[1]).toEqual({
			has_error: true,
			error: expect.stringMatching(/404: Device 999 not found/),
			result: null,
		});
		expect(run.items.map((i) => pairedIndex(i))).toEqual([0, 1, 2]);
		expect(f.sim.reboots.map((r) => r.deviceId)).toEqual([1, 2]);
	});

	it('routes failed items to the error output under "Continue (using error output)"', async () => {
		const run = await f.run(reboot(), ids(1, 999, 2), { onError: 'continueErrorOutput' });
		expect(run.outputs).toHaveLength(2);
		expect(run.outputs[0].map((i) => i.json.has_error)).toEqual([false, false]);
		expect(run.outputs[1]).toHaveLength(1);
		// n8n-core replaces an error-output item's JSON with { error } (normalizeNodeErrors).
		expect(run.outputs[1][0].json.error).toMatch(/NinjaOne 404: Device 999 not found/);
		expect(pairedIndex(run.outputs[1][0])).toBe(1);
	});

	it('answers an empty write with a result confirming what was done, never an empty string', async () => {
		const run = await f.run({ resource: 'device', operation: 'cancelMaintenance', deviceId: '3' });
		expect(run.json[0].result).toEqual({ deviceId: 3, maintenanceCancelled: true });
	});
});

describe('retries', () => {
	it('waits Retry-After (seconds) on 429 and then succeeds', async () => {
		f.sim.server.faults.push({ route: 'POST /v2/device/1/reboot', kind: 'status', status: 429, headers: { 'retry-after': '1' }, body: { resultCode: 'TOO_MANY_REQUESTS' }, times: 1 });
		const run = await f.run(reboot(), ids(1));
		expect(run.json[0].has_error).toBe(false);
		const times = starts('POST /v2/device/1/reboot');
		expect(times).toHaveLength(2);
		expect(times[1] - times[0]).toBeGreaterThanOrEqual(990);
		expect(f.sim.reboots).toHaveLength(1);
	});

	it('reads Retry-After as an HTTP date', async () => {
		const when = new Date(Date.now() + 1500).toUTCString();
		f.sim.server.faults.push({ route: 'GET /v2/alerts', kind: 'status', status: 429, headers: { 'retry-after': when }, times: 1 });
		const run = await f.run({ resource: 'alert', operation: 'listActive', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(starts('GET /v2/alerts')).toHaveLength(2);
	});

	it('never sends a POST twice on 503', async () => {
		f.sim.server.faults.push({ route: 'POST /v2/device/1/reboot', kind: 'status', status: 503, body: 'Service Unavailable', times: 1 });
		const run = await f.run(reboot(), ids(1), { onError: 'continueRegularOutput' });
		expect(starts('POST /v2/device/1/reboot')).toHaveLength(1);
		expect(run.json[0]).toMatchObject({ has_error: true, error: expect.stringMatching(/^NinjaOne 503: /) });
	});

	it('retries a GET on 503 with the server\'s Retry-After', async () => {
		f.sim.server.faults.push({ route: 'GET /v2/device/2/dashboard-url', kind: 'status', status: 503, headers: { 'retry-after': '0' }, times: 2 });
		const run = await f.run({ resource: 'device', operation: 'getDashboardLink', deviceId: '2' });
		expect(run.json[0].has_error).toBe(false);
		expect(starts('GET /v2/device/2/dashboard-url')).toHaveLength(3);
	});

	it('gives up after the retry budget with a clear message, and the next items still run', async () => {
		f.sim.server.faults.push({ route: 'POST /v2/device/1/reboot', kind: 'status', status: 429, headers: { 'retry-after': '0' } });
		const run = await f.run(reboot(), ids(1, 2), { onError: 'continueRegularOutput' });
		expect(starts('POST /v2/device/1/reboot')).toHaveLength(5);
		expect(run.json[0].error).toMatch(/^NinjaOne 429: .*after 5 attempts/);
		expect(run.json[1].has_error).toBe(false);
	});

	it('sends a POST answered 401 once more only with a new token, and never a third time', async () => {
		await f.run(reboot(), ids(2)); // a stored token
		f.sim.server.reset();
		f.sim.reboots.length = 0;
		f.sim.server.faults.push({ route: 'POST /v2/device/1/reboot', kind: 'status', status: 401, body: { error: 'invalid_token' }, times: 2 });
		const issued = f.sim.tokens.issued;
		const run = await f.run(reboot(), ids(1), { onError: 'continueRegularOutput' });
		const sent = f.sim.server.requests('POST /v2/device/1/reboot/NORMAL');
		expect(sent).toHaveLength(2);
		expect(f.sim.tokens.issued).toBe(issued + 1);
		expect(sent[0].headers.authorization).not.toBe(sent[1].headers.authorization);
		expect(run.json[0].error).toMatch(/^NinjaOne 401: invalid_token/);
		expect(f.sim.reboots).toEqual([]);
	});

	it('sends a POST answered 401 once when no new token can be had', async () => {
		await f.run(reboot(), ids(2)); // a stored token
		f.sim.server.reset();
		f.sim.server.faults.push({ route: 'POST /v2/device/1/reboot', kind: 'status', status: 401, body: { error: 'invalid_token' } });
		f.sim.tokens.outage = { status: 401, body: { error: 'invalid_client', error_description: 'client disabled' } };
		try {
			const run = await f.run(reboot(), ids(1), { onError: 'continueRegularOutput' });
			expect(f.sim.server.requests('POST /v2/device/1/reboot/NORMAL')).toHaveLength(1);
			expect(run.json[0].error).toMatch(/^NinjaOne 401: invalid_token/);
		} finally {
			f.sim.tokens.outage = undefined;
		}
	});

	it('refreshes a rejected token once and goes on', async () => {
		await f.run(reboot(), ids(1));
		f.sim.tokens.revokeAll();
		const issued = f.sim.tokens.issued;
		const run = await f.run(reboot(), ids(2, 5));
		expect(run.json.map((j) => j.has_error)).toEqual([false, false]);
		expect(f.sim.tokens.issued).toBe(issued + 1);
	});
});

describe('secrets', () => {
	it('never shows the client secret or a token in output items or errors', async () => {
		f.useGrant('authorizationCode');
		const runs = [
			await f.run(reboot(), ids(1, 999), { onError: 'continueRegularOutput' }),
			await f.run(reboot(), ids(1, 999), { onError: 'continueErrorOutput' }),
			await f.run(reboot(), ids(999)),
		];
		f.sim.tokens.outage = { status: 500, body: { error: 'server_error', error_description: 'token service down' } };
		f.useGrant('clientCredentials');
		runs.push(await f.run(reboot(), ids(1), { onError: 'continueRegularOutput' }));
		f.sim.tokens.outage = undefined;
		const text = JSON.stringify(runs.map((r) => ({ outputs: r.outputs, error: r.error, message: r.error?.message })));
		expect(runs[3].json[0].error).toMatch(/token/i);
		for (const secret of f.secrets()) expect(text).not.toContain(secret);
		expect(text).not.toMatch(/Bearer [A-Za-z0-9]/);
	});
});
