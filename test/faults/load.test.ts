import { pairedIndex } from '../harness/engine';
import { NinjaOneFixture } from '../ninjaone/fixture';

/* 10,000 items through one node in one execution: every item answered, memory bounded, and no
   socket or timer left behind by the node once the run is over. */

const f = new NinjaOneFixture({ organizations: 1, devices: 0 });
beforeAll(async () => {
	await f.start();
	f.sim.seedDevices(10_000);
	f.sim.server.keepLog = false;
});
afterAll(async () => await f.stop());

const handles = () =>
	process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap' && kind !== 'FSReqCallback');

it('answers 10,000 items in one execution with bounded memory and no handle left open', async () => {
	await f.run({ resource: 'device', operation: 'cancelMaintenance', deviceId: '1' });
	const before = handles();
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
	const startRss = process.memoryUsage().rss;
	const items = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1 }));
	const run = await f.run({ resource: 'device', operation: 'cancelMaintenance', deviceId: '={{ $json.id }}' }, items, {
		onError: 'continueRegularOutput',
	});
	clearInterval(sampler);
	expect(run.json).toHaveLength(10_000);
	expect(run.json.every((j) => j.has_error === false)).toBe(true);
	expect(run.items.every((item, i) => pairedIndex(item) === i)).toBe(true);
	const grownMb = (peak - startRss) / 2 ** 20;
	process.stdout.write(`10,000 items: peak RSS ${(peak / 2 ** 20).toFixed(0)} MB, grew ${grownMb.toFixed(0)} MB during the run\n`);
	expect(grownMb).toBeLessThan(400);

	// Keep-alive sockets close with the agent's own timer; what matters is that nothing keeps growing.
	await new Promise((resolve) => setTimeout(resolve, 100));
	expect(handles().length).toBeLessThanOrEqual(before.length + 2);
}, 240_000); // a memory bound, not a time one: a loaded 2-core machine needs more than the 60 s default

it('returns all of 150,000 devices (one list larger than a call stack can spread)', async () => {
	f.sim.seedDevices(150_000);
	const run = await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 10_000 } });
	expect(run.error).toBeUndefined();
	expect(run.json).toHaveLength(150_000);
	expect((run.json[149_999].result as { id: number }).id).toBe(150_000);
	f.sim.seedDevices(10_000);
});
