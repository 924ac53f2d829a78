import { RequestClock } from '../../common/throttle';

/* The clock itself, measured where the requests start: these are lower bounds, which a busy
   machine can only make longer, never shorter. */

const tick = async (clock: RequestClock, starts: number[]) => {
	await clock.next();
	starts.push(performance.now());
};

describe('RequestClock', () => {
	it('starts each request at least the interval after the previous start', async () => {
		const clock = new RequestClock(120);
		const starts: number[] = [];
		for (let i = 0; i < 5; i++) await tick(clock, starts);
		for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(120);
	});

	it('counts time already spent (latency) towards the interval', async () => {
		const clock = new RequestClock(100);
		const starts: number[] = [];
		await tick(clock, starts);
		await new Promise((resolve) => setTimeout(resolve, 150));
		const before = performance.now();
		await tick(clock, starts);
		// Already past the interval: no wait at all.
		expect(starts[1] - before).toBeLessThan(20);
	});

	it('does not wait before the first request', async () => {
		const clock = new RequestClock(10_000);
		const began = performance.now();
		await clock.next();
		expect(performance.now() - began).toBeLessThan(50);
	});

	it('rejects at once when the signal aborts during a wait', async () => {
		const controller = new AbortController();
		const clock = new RequestClock(10_000, controller.signal);
		await clock.next();
		setTimeout(() => controller.abort(new Error('cancelled')), 50);
		const began = performance.now();
		await expect(clock.next()).rejects.toThrow('cancelled');
		expect(performance.now() - began).toBeLessThan(2000);
	});
});
