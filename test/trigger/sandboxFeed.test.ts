import { type Sandbox, startSandbox } from '../../sandbox/sandbox';

/* The sandbox of `npm run dev` keeps NinjaOne's activity log moving: alerts that fire and clear,
   and a device that goes offline and comes back (here on a fast clock). */

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({
		ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 },
		activityFeed: { alertEveryMs: 100, offlineEveryMs: 250, offlineForMs: 100 },
	});
});
afterAll(async () => await sandbox.stop());

test('alerts fire and reset, a device goes offline and comes back, with increasing activity IDs', async () => {
	const sim = sandbox.ninjaOne;
	const start = sim.activity.lastActivityId;
	await new Promise((resolve) => setTimeout(resolve, 900));
	const fresh = sim.activity.activities.filter((a) => a.id > start);
	const kinds = fresh.map((a) => `${a.activityType}/${a.statusCode}/${a.sourceName === 'Agent Offline' ? 'offline' : 'alert'}`);
	expect(kinds).toContain('CONDITION/TRIGGERED/alert');
	expect(kinds).toContain('CONDITION/RESET/alert');
	expect(kinds).toContain('CONDITION/TRIGGERED/offline');
	expect(kinds).toContain('CONDITION/RESET/offline');
	const ids = fresh.map((a) => a.id);
	expect(ids).toEqual([...ids].sort((a, b) => a - b));
	const backOnline = fresh.filter((a) => a.sourceName === 'Agent Offline' && a.statusCode === 'RESET').map((a) => a.deviceId);
	expect(backOnline.length).toBeGreaterThan(0);
	expect(sandbox.apis[0].summary).toMatch(/activity feed/);
	expect(sandbox.apis[0].violations).toEqual([]);
});
