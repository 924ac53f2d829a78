import { pairedIndex } from '../harness/engine';
import { NinjaOneFixture } from './fixture';

const f = new NinjaOneFixture({ organizations: 2, devices: 250 });
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());
beforeEach(() => f.sim.server.reset());
afterEach(() => expect(f.sim.violations).toEqual([]));

const pages = () => f.sim.server.requests('GET /v2/devices').map((r) => Object.fromEntries(r.query));

describe('Device > List pagination', () => {
	it('follows `after` through every page and stops at a short one, without asking for an empty page', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 100 } });
		expect(run.json).toHaveLength(250);
		expect(run.json.map((j) => (j.result as { id: number }).id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
		// The third page has 50 of the 100 asked: the list ends there, no fourth request.
		expect(pages()).toEqual([
			{ pageSize: '100' },
			{ pageSize: '100', after: '100' },
			{ pageSize: '100', after: '200' },
		]);
	});

	it('asks once more only after a full last page (the API cannot say it was the last)', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 125 } });
		expect(run.json).toHaveLength(250);
		expect(pages()).toEqual([{ pageSize: '125' }, { pageSize: '125', after: '125' }, { pageSize: '125', after: '250' }]);
	});

	it('asks once more after a list shorter than a page, per item (the server may cap its pages below the asked size)', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 1000 } }, [{}, {}]);
		expect(run.json).toHaveLength(500);
		expect(run.items.map((item) => pairedIndex(item))).toEqual([...Array(250).fill(0), ...Array(250).fill(1)]);
		expect(pages()).toEqual([{ pageSize: '1000' }, { pageSize: '1000', after: '250' }, { pageSize: '1000' }, { pageSize: '1000', after: '250' }]);
	});

	it('returns every device when the server caps its pages below the asked size', async () => {
		f.sim.pageCap = 60;
		try {
			const run = await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 100 } });
			expect(run.json.map((j) => (j.result as { id: number }).id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
			// Pages of 60 where 100 were asked: the list ends at the first page shorter than 60 (10 rows).
			expect(pages().map((p) => p.after)).toEqual([undefined, '60', '120', '180', '240']);

			// The activity log (its own paging, backwards by ID): pages of 10 where 100 were asked.
			f.sim.server.reset();
			f.sim.pageCap = 10;
			const activities = await f.run({ resource: 'activity', operation: 'getMany', returnAll: true, options: { pageSize: 100 } });
			expect(activities.error).toBeUndefined();
			expect(activities.json).toHaveLength(f.sim.activity.activities.length);
			expect(activities.json.length).toBeGreaterThan(10);
			expect(f.sim.server.requests('GET /v2/activities').length).toBe(Math.ceil(activities.json.length / 10) + (activities.json.length % 10 === 0 ? 1 : 0));
		} finally {
			f.sim.pageCap = undefined;
		}
	});

	it('stops at a short page under a limit too', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: false, limit: 240, options: { pageSize: 100 } });
		expect(run.json).toHaveLength(240);
		expect(pages()).toEqual([{ pageSize: '100' }, { pageSize: '100', after: '100' }, { pageSize: '40', after: '200' }]);
	});

	it('stops at the limit and asks only for what is left', async () => {
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: false, limit: 130, options: { pageSize: 100 } });
		expect(run.json).toHaveLength(130);
		expect(pages()).toEqual([{ pageSize: '100' }, { pageSize: '30', after: '100' }]);
	});

	it('returns all devices by default (the seed\'s limit was 100000), in pages of 1000', async () => {
		const run = await f.run({ resource: 'device', operation: 'list' });
		expect(run.json).toHaveLength(250);
		expect(pages()).toEqual([{ pageSize: '1000' }, { pageSize: '1000', after: '250' }]);
	});

	it('fails with a clear error when the cursor does not advance, instead of looping', async () => {
		f.sim.server.faults.push({
			route: 'GET /v2/devices',
			kind: 'status',
			status: 200,
			body: [{ id: 7, displayName: 'same page again' }],
		});
		const run = await f.run({ resource: 'device', operation: 'list', returnAll: true, options: { pageSize: 1 } }, [{}], {
			onError: 'continueRegularOutput',
		});
		expect(run.json).toHaveLength(1);
		expect(run.json[0]).toMatchObject({ has_error: true, result: null });
		expect(run.json[0].error).toMatch(/cursor did not advance/);
		expect(pages().length).toBe(2);
	});
});
