import type { IDataObject } from 'n8n-workflow';

import { NinjaOneFixture } from './fixture';

/* Activity > Get Many and Device > Get Activities: NinjaOne's activity log, newest first, paged
   backwards with olderThan and bounded by newerThan, against the spec-checking simulator. */

const f = new NinjaOneFixture({ organizations: 3, devices: 30 });
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());
beforeEach(() => {
	f.sim.seed({ organizations: 3, devices: 30, activities: 0 });
	f.sim.server.reset();
});
afterEach(() => expect(f.sim.violations).toEqual([]));

const ids = (json: IDataObject[]) => json.map((j) => (j.result as { id: number }).id);
const queries = (route: string) => f.sim.server.requests(route).map((r) => Object.fromEntries(r.query));

describe('Activity > Get Many', () => {
	it('returns every activity newest first, paging back with olderThan until a short page', async () => {
		for (let i = 0; i < 25; i++) f.sim.activity.scriptFinished(1 + (i % 5), 'SUCCESS');
		const all = f.sim.activity.activities.map((a) => a.id).reverse();
		const run = await f.run({ resource: 'activity', operation: 'getMany', returnAll: true, options: { pageSize: 10 } });
		expect(ids(run.json)).toEqual(all);
		expect(queries('GET /v2/activities')).toEqual([
			{ pageSize: '10' },
			{ pageSize: '10', olderThan: String(all[9]) },
			{ pageSize: '10', olderThan: String(all[19]) },
		]);
	});

	it('stops at the limit (default 50 when Return All is off)', async () => {
		for (let i = 0; i < 60; i++) f.sim.activity.userLogin(1);
		const run = await f.run({ resource: 'activity', operation: 'getMany', returnAll: false, limit: 12, options: { pageSize: 10 } });
		expect(run.json).toHaveLength(12);
		expect(ids(run.json)).toEqual(f.sim.activity.activities.map((a) => a.id).reverse().slice(0, 12));
	});

	it('sends the filters NinjaOne takes: class, type, status, device filter, user, series, ID bounds and dates', async () => {
		const alert = f.sim.activity.alert(4);
		f.sim.activity.resetAlert(alert);
		f.sim.activity.alert(5);
		const before = new Date(Date.now() + 60_000).toISOString();
		const run = await f.run({
			resource: 'activity',
			operation: 'getMany',
			returnAll: true,
			filters: {
				class: 'DEVICE',
				type: 'CONDITION',
				status: 'TRIGGERED',
				df: 'org = 1',
				seriesUid: alert.seriesUid,
				newerThan: alert.id - 1,
				olderThan: alert.id + 10,
				after: '2020-01-01T00:00:00Z',
				before,
			},
		});
		expect(ids(run.json)).toEqual([alert.id]);
		expect(queries('GET /v2/activities')[0]).toEqual({
			class: 'DEVICE',
			type: 'CONDITION',
			status: 'TRIGGERED',
			df: 'org = 1',
			seriesUid: alert.seriesUid,
			newerThan: String(alert.id - 1),
			olderThan: String(alert.id + 10),
			after: String(Date.parse('2020-01-01T00:00:00Z') / 1000),
			before: String(Math.floor(Date.parse(before) / 1000)),
			pageSize: '200',
		});
	});

	it('reads newerThan as "IDs above" and olderThan as "IDs below"', async () => {
		for (let i = 0; i < 10; i++) f.sim.activity.userLogin(2);
		const [first] = f.sim.activity.activities;
		const newer = await f.run({ resource: 'activity', operation: 'getMany', returnAll: true, filters: { newerThan: first.id + 7 } });
		expect(ids(newer.json)).toEqual([first.id + 9, first.id + 8]);
		const older = await f.run({ resource: 'activity', operation: 'getMany', returnAll: true, filters: { olderThan: first.id + 2 } });
		expect(ids(older.json)).toEqual([first.id + 1, first.id]);
	});

	it('refuses bounds that no activity can meet, before any request', async () => {
		const run = await f.run(
			{ resource: 'activity', operation: 'getMany', returnAll: true, filters: { newerThan: 50, olderThan: 51 } },
			[{}],
			{ onError: 'continueRegularOutput' },
		);
		expect(run.json[0]).toMatchObject({ has_error: true, result: null });
		expect(run.json[0].error).toMatch(/^Older Than Activity ID \(item 0\)/);
		expect(f.sim.server.requests('GET /v2/activities')).toHaveLength(0);
	});

	it('fails clearly when NinjaOne repeats a page instead of moving back', async () => {
		f.sim.server.faults.push({
			route: 'GET /v2/activities',
			kind: 'status',
			status: 200,
			body: { lastActivityId: 20, activities: Array.from({ length: 10 }, (_, i) => ({ id: 20 - i })) },
		});
		const run = await f.run({ resource: 'activity', operation: 'getMany', returnAll: true, options: { pageSize: 10 } }, [{}], {
			onError: 'continueRegularOutput',
		});
		expect(run.json[0].error).toMatch(/did not move back/);
		expect(f.sim.server.requests('GET /v2/activities')).toHaveLength(2);
	});
});

describe('Device > Get Activities', () => {
	it("reads one device's activities with activityType and status, newest first", async () => {
		const mine = f.sim.activity.alert(3);
		f.sim.activity.alert(4);
		const reset = f.sim.activity.resetAlert(mine);
		f.sim.activity.scriptFinished(3, 'FAILURE');
		const run = await f.run({ resource: 'device', operation: 'getActivities', deviceId: '3', returnAll: true, filters: { activityType: 'CONDITION' } });
		expect(ids(run.json)).toEqual([reset.id, mine.id]);
		// Two of 200 asked: one more page (a server may cap its pages) comes back empty and ends the list.
		const [first, second, ...more] = queries('GET /v2/device/3/activities');
		expect(first).toEqual({ activityType: 'CONDITION', pageSize: '200' });
		expect(second).toEqual({ activityType: 'CONDITION', pageSize: '200', olderThan: String(mine.id) });
		expect(more).toEqual([]);
		const triggered = await f.run({ resource: 'device', operation: 'getActivities', deviceId: '3', returnAll: true, filters: { status: 'TRIGGERED' } });
		expect(ids(triggered.json)).toEqual([mine.id]);
	});

	it('pages back through a long history and answers an unknown device in NinjaOne\'s words', async () => {
		for (let i = 0; i < 23; i++) f.sim.activity.scriptFinished(7, 'SUCCESS');
		const run = await f.run({ resource: 'device', operation: 'getActivities', deviceId: '7', returnAll: true, options: { pageSize: 10 } });
		expect(run.json).toHaveLength(23);
		expect(queries('GET /v2/device/7/activities')).toHaveLength(3);
		const missing = await f.run({ resource: 'device', operation: 'getActivities', deviceId: '999', returnAll: true }, [{}], {
			onError: 'continueRegularOutput',
		});
		expect(missing.json[0].error).toMatch(/^NinjaOne 404: Device 999 not found/);
	});
});
