import type { IDataObject } from 'n8n-workflow';

import { MAX_EVENTS_PER_POLL } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneTrigger/NinjaOneTrigger.node';
import { NinjaOneFixture } from '../ninjaone/fixture';
import { emittedIds, POLL_TYPE, TriggerWorkflow } from './harness';

/* NinjaOne Trigger (polling) in n8n-core's PollContext against the simulator: every matching
   activity exactly once, oldest first, across pages, restarts and failed polls. */

const f = new NinjaOneFixture({ organizations: 3, devices: 30 });
beforeAll(async () => void (await f.start()));
afterAll(async () => await f.stop());
beforeEach(() => {
	f.sim.seed({ organizations: 3, devices: 30, activities: 40 });
	f.sim.server.reset();
});
afterEach(() => expect(f.sim.violations).toEqual([]));

const alerts = (parameters: IDataObject = {}) => new TriggerWorkflow(f, POLL_TYPE, { events: ['alertTriggered'], ...parameters });
const activityReads = () => f.sim.server.requests('GET /v2/activities').map((r) => Object.fromEntries(r.query));
/** Waits for a condition the test does not control the timing of (a request reaching the simulator). */
async function until(done: () => boolean): Promise<void> {
	while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
}
const triggeredSince = (id: number) =>
	f.sim.activity.activities.filter((a) => a.id > id && a.activityType === 'CONDITION' && a.statusCode === 'TRIGGERED').map((a) => a.id);

describe('NinjaOne Trigger: polling', () => {
	it('starts from now on activation: the first poll records the newest activity and emits nothing', async () => {
		const trigger = alerts();
		expect(triggeredSince(0).length).toBeGreaterThan(0);
		expect(await trigger.poll('trigger', 'activate')).toBeNull();
		expect(trigger.state()).toEqual({ lastActivityId: f.sim.activity.lastActivityId });
		expect(activityReads()).toEqual([{ pageSize: '10' }]);
		expect(await trigger.poll()).toBeNull();
	});

	it('emits 0, 1 and one and a half pages of new events between polls: each once, oldest first, no gap', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const start = f.sim.activity.lastActivityId;
		const seen: number[] = [];

		f.sim.activity.userLogin(1);
		expect(await trigger.poll()).toBeNull();

		const one = f.sim.activity.alert(3);
		const after = f.sim.activity.scriptFinished(3, 'SUCCESS');
		const first = await trigger.poll();
		expect(emittedIds(first)).toEqual([one.id]);
		seen.push(...emittedIds(first));

		for (let i = 0; i < 1500; i++) {
			if (i % 3 === 0) f.sim.activity.userLogin(2);
			f.sim.activity.alert(1 + (i % 30));
		}
		f.sim.server.reset();
		const many = await trigger.poll();
		// The API filters by type and status: 1,500 matching events are more than a page of 1,000, so
		// the poll walks up from the cursor in windows of IDs and stops at 1,000 events.
		expect(many).toHaveLength(MAX_EVENTS_PER_POLL);
		seen.push(...emittedIds(many));
		const reads = activityReads();
		expect(reads[0]).toMatchObject({ type: 'CONDITION', status: 'TRIGGERED', newerThan: String(after.id), pageSize: '1000' });
		expect(reads[1]).toMatchObject({ newerThan: String(after.id), olderThan: String(after.id + 1001) });
		expect(trigger.state().lastActivityId).toBe(seen[seen.length - 1]);
		const rest = await trigger.poll();
		expect(rest).toHaveLength(500);
		seen.push(...emittedIds(rest));

		expect(seen).toEqual(triggeredSince(start));
		expect(new Set(seen).size).toBe(seen.length);
		expect(trigger.state().lastActivityId).toBe(f.sim.activity.lastActivityId);
		expect(await trigger.poll()).toBeNull();
	});

	it('re-activation starts from now; a restart and an update of the published workflow go on from the cursor', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const a = f.sim.activity.alert(2);
		expect(emittedIds(await trigger.poll())).toEqual([a.id]);

		// Unpublished, alerts happen, published again: none of them is emitted, the cursor is now.
		f.sim.activity.alert(3);
		f.sim.activity.alert(4);
		trigger.reactivate();
		expect(await trigger.poll()).toBeNull();
		expect(trigger.state().lastActivityId).toBe(f.sim.activity.lastActivityId);
		// The later ticks of that activation poll through the same context and emit what is new.
		const b = f.sim.activity.alert(5);
		expect(emittedIds(await trigger.poll())).toEqual([b.id]);

		// n8n restarted: what happened while it was down is emitted.
		const c = f.sim.activity.alert(6);
		trigger.restart(trigger.saved(), 'init');
		expect(emittedIds(await trigger.poll())).toEqual([c.id]);
		// The published workflow was changed and saved: the same.
		const d = f.sim.activity.alert(7);
		trigger.restart(trigger.saved(), 'update');
		expect(emittedIds(await trigger.poll())).toEqual([d.id]);
	});

	it('a backlog of 200,000 activities (Raw mode): at most 1,000 events a poll, oldest first, the cursor at the last one emitted', async () => {
		const trigger = new TriggerWorkflow(f, POLL_TYPE, { eventSource: 'raw', activityTypes: '', statusCodes: '' });
		await trigger.poll('trigger', 'activate');
		const start = f.sim.activity.lastActivityId;
		for (let i = 0; i < 200_000; i++) f.sim.activity.record({ activityType: 'SYSTEM', statusCode: 'APP_USER_LOGGED_IN', userId: 1 + (i % 5) });
		f.sim.server.reset();
		const first = emittedIds(await trigger.poll());
		expect(first).toEqual(Array.from({ length: MAX_EVENTS_PER_POLL }, (_, i) => start + 1 + i));
		expect(trigger.state().lastActivityId).toBe(start + MAX_EVENTS_PER_POLL);
		expect(activityReads()).toHaveLength(2);
		const second = emittedIds(await trigger.poll());
		expect(second[0]).toBe(start + MAX_EVENTS_PER_POLL + 1);
		expect(second).toHaveLength(MAX_EVENTS_PER_POLL);
		expect(trigger.state().lastActivityId).toBe(start + 2 * MAX_EVENTS_PER_POLL);
	}, 60_000);

	it('walks a sparse backlog in widening windows and goes on in the next poll where it stopped', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const start = f.sim.activity.lastActivityId;
		// 1,200 alerts spread over 60,000 activities: one alert in fifty.
		for (let i = 0; i < 60_000; i++) {
			if (i % 50 === 0) f.sim.activity.alert(1 + (i % 30));
			else f.sim.activity.userLogin(1);
		}
		f.sim.server.reset();
		const first = emittedIds(await trigger.poll());
		const second = emittedIds(await trigger.poll());
		expect(first.length).toBeLessThanOrEqual(MAX_EVENTS_PER_POLL);
		expect([...first, ...second]).toEqual(triggeredSince(start));
		expect(await trigger.poll()).toBeNull();
	}, 60_000);

	it('a poll that outlasts the poll time: the polls n8n starts meanwhile emit nothing, and nothing is emitted twice', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const a = f.sim.activity.alert(2);
		const b = f.sim.activity.alert(3);
		// The first device look-up takes a while: the poll is still running on the next ticks.
		f.sim.server.faults.push({ route: 'GET /v2/device/2', kind: 'slow', delay: 1500, times: 1 });
		const slow = trigger.poll();
		await until(() => f.sim.server.faults[0].fired === 1);
		const ticks = await Promise.all([trigger.poll(), trigger.poll()]);
		expect(ticks).toEqual([null, null]);
		expect(emittedIds(await slow)).toEqual([a.id, b.id]);
		expect(await trigger.poll()).toBeNull();
		const c = f.sim.activity.alert(4);
		expect(emittedIds(await trigger.poll())).toEqual([c.id]);
	});

	it('goes on after a restart from the saved static data, without repeating or skipping', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const a = f.sim.activity.alert(2);
		expect(emittedIds(await trigger.poll())).toEqual([a.id]);
		const saved = trigger.saved();

		const b = f.sim.activity.alert(4);
		trigger.restart(saved);
		const c = f.sim.activity.alert(5);
		expect(emittedIds(await trigger.poll())).toEqual([b.id, c.id]);
	});

	it('keeps the cursor when a poll fails in the middle, and the next polls emit everything once', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const start = f.sim.activity.lastActivityId;
		for (let i = 0; i < 1200; i++) f.sim.activity.alert(1 + (i % 30));
		const before = trigger.saved();
		// A GET answered 500 is tried once more: two 500s in a row fail the poll.
		f.sim.server.faults.push({ route: 'GET /v2/activities', kind: 'status', status: 500, nth: [2, 3], body: { resultCode: 'SERVER_ERROR', errorMessage: 'Internal error' } });

		await expect(trigger.poll()).rejects.toThrow(/NinjaOne 500: Internal error/);
		expect(trigger.saved()).toEqual(before);

		const items = [...emittedIds(await trigger.poll()), ...emittedIds(await trigger.poll())];
		expect(items).toEqual(triggeredSince(start));
	});

	it('looks each alerting device up once and puts the triage fields at the top of the result', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const device = f.sim.devices[4];
		const org = f.sim.organizations.get(device.organizationId)!;
		const x = f.sim.activity.alert(device.id, 'Disk full', 'CRITICAL');
		f.sim.activity.alert(device.id, 'Disk still full', 'CRITICAL');
		f.sim.server.reset();
		const items = (await trigger.poll())!;
		expect(items).toHaveLength(2);
		expect(Object.keys(items[0].json).sort()).toEqual(['error', 'has_error', 'result']);
		expect(items[0].json).toMatchObject({
			has_error: false,
			error: null,
			result: {
				id: x.id,
				activityType: 'CONDITION',
				statusCode: 'TRIGGERED',
				deviceId: device.id,
				deviceName: device.displayName,
				organizationId: org.id,
				organizationName: org.name,
				severity: 'CRITICAL',
				message: 'Disk full',
				seriesUid: x.seriesUid,
			},
		});
		expect(f.sim.server.requests(`GET /v2/device/${device.id}`)).toHaveLength(1);
	});

	it('still emits the alert of a device deleted since, without its name; other lookup failures fail the poll', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const gone = f.sim.activity.alert(8);
		f.sim.devices = f.sim.devices.filter((d) => d.id !== 8);
		const items = (await trigger.poll())!;
		expect(items[0].json.result).toMatchObject({ id: gone.id, deviceId: 8, deviceName: null, organizationName: null });

		const next = f.sim.activity.alert(9);
		f.sim.server.faults.push({ route: 'GET /v2/device/9', kind: 'status', status: 403, body: { resultCode: 'FORBIDDEN', errorMessage: 'No access' } });
		const before = trigger.saved();
		await expect(trigger.poll()).rejects.toThrow(/NinjaOne 403: No access/);
		expect(trigger.saved()).toEqual(before);
		f.sim.server.faults = [];
		expect(emittedIds(await trigger.poll())).toEqual([next.id]);
	});

	it('passes the activity class, device filter and user to NinjaOne', async () => {
		const trigger = alerts({ filters: { class: 'DEVICE', df: 'org = 2', user: '7' } });
		await trigger.poll('trigger', 'activate');
		f.sim.server.reset();
		await trigger.poll();
		expect(activityReads()[0]).toMatchObject({ class: 'DEVICE', df: 'org = 2', user: '7' });
	});

	it('returns the latest matching event in manual mode ("Fetch Test Event") and leaves the cursor alone', async () => {
		const trigger = alerts();
		await trigger.poll('trigger', 'activate');
		const state = trigger.saved();
		const latest = f.sim.activity.alert(9);
		f.sim.activity.userLogin(1);
		const items = await trigger.poll('manual', 'manual');
		expect(emittedIds(items)).toEqual([latest.id]);
		expect(trigger.saved()).toEqual(state);
	});

	it('says so in manual mode when no recent activity matches', async () => {
		const trigger = new TriggerWorkflow(f, POLL_TYPE, { events: ['ticketCreated'] });
		await expect(trigger.poll('manual', 'manual')).rejects.toThrow('No recent NinjaOne activity matches the chosen events');
	});
});

describe('NinjaOne Trigger: event choices', () => {
	const make = () => {
		const offline = f.sim.activity.deviceOffline(6);
		return {
			alertTriggered: [offline.id, f.sim.activity.alert(1).id],
			alertReset: [] as number[],
			deviceOffline: [offline.id],
			deviceOnline: [f.sim.activity.deviceOnline(offline).id],
			scriptFinished: [f.sim.activity.scriptFinished(2, 'SUCCESS').id],
			scriptFailed: [f.sim.activity.scriptFinished(2, 'FAILURE').id],
			patchFailed: [f.sim.activity.patchFailed(3).id, f.sim.activity.record({ activityType: 'PATCH_MANAGEMENT', statusCode: 'PATCH_MANAGEMENT_FAILURE', deviceId: 3 }).id],
			ticketCreated: [f.sim.activity.ticketCreated(77).id],
			other: [f.sim.activity.userLogin(1).id, f.sim.activity.record({ activityType: 'PATCH_MANAGEMENT', statusCode: 'PATCH_MANAGEMENT_INSTALLED', deviceId: 3 }).id],
		};
	};

	it.each(['alertTriggered', 'alertReset', 'deviceOffline', 'deviceOnline', 'scriptFinished', 'scriptFailed', 'patchFailed', 'ticketCreated'])(
		'%s',
		async (event) => {
			const trigger = new TriggerWorkflow(f, POLL_TYPE, { events: [event] });
			await trigger.poll('trigger', 'activate');
			const made = make() as Record<string, number[]>;
			const expected: Record<string, number[]> = {
				...made,
				alertReset: made.deviceOnline,
				scriptFinished: [...made.scriptFinished, ...made.scriptFailed],
			};
			expect(emittedIds(await trigger.poll())).toEqual(expected[event]);
		},
	);

	it('several events at once, filtered by the node where NinjaOne cannot', async () => {
		const trigger = new TriggerWorkflow(f, POLL_TYPE, { events: ['deviceOffline', 'scriptFailed', 'ticketCreated'] });
		await trigger.poll('trigger', 'activate');
		const made = make();
		f.sim.server.reset();
		expect(emittedIds(await trigger.poll())).toEqual([...made.deviceOffline, ...made.scriptFailed, ...made.ticketCreated]);
		expect(activityReads()[0]).not.toHaveProperty('type');
	});

	it('raw activity types and status codes (advanced)', async () => {
		const trigger = new TriggerWorkflow(f, POLL_TYPE, { eventSource: 'raw', activityTypes: 'patch_management', statusCodes: 'PATCH_MANAGEMENT_INSTALLED' });
		await trigger.poll('trigger', 'activate');
		const made = make();
		f.sim.server.reset();
		expect(emittedIds(await trigger.poll())).toEqual([made.other[1]]);
		expect(activityReads()[0]).toMatchObject({ type: 'PATCH_MANAGEMENT', status: 'PATCH_MANAGEMENT_INSTALLED' });
	});
});

describe('NinjaOne Trigger: tickets of a board', () => {
	const board = (events: string[] = ['ticketUpdated']) => new TriggerWorkflow(f, POLL_TYPE, { events, boardId: 1 });
	const ticketIds = (items: Awaited<ReturnType<TriggerWorkflow['poll']>>) => emittedIds(items);
	const boardReads = () => f.sim.server.requests('POST /v2/ticketing/trigger/board/1/run').map((r) => r.body);

	it('starts at the board\'s latest update, then emits each created or updated ticket once per update, oldest update first', async () => {
		const old = f.sim.activity.createTicket('Old ticket');
		const trigger = board();
		expect(await trigger.poll('trigger', 'activate')).toBeNull();
		expect(trigger.state().tickets).toEqual({ boardId: 1, watermark: old.lastUpdated, seen: [old.id] });
		expect(await trigger.poll()).toBeNull();

		const created = f.sim.activity.createTicket('VPN down');
		f.sim.activity.updateTicket(old.id, { priority: 'HIGH' }, created.lastUpdated + 1);
		const first = await trigger.poll();
		expect(ticketIds(first)).toEqual([created.id, old.id]);
		expect(first![1].json.result).toMatchObject({ id: old.id, priority: 'HIGH' });
		expect(await trigger.poll()).toBeNull();

		f.sim.activity.updateTicket(created.id, { status: { name: 'OPEN' } }, created.lastUpdated + 2);
		expect(ticketIds(await trigger.poll())).toEqual([created.id]);
		expect(boardReads().slice(-1)[0]).toEqual({ sortBy: [{ field: 'lastUpdated', direction: 'DESC' }], pageSize: 100 });
	});

	it('tells apart tickets updated in the same second by their IDs, across polls and pages', async () => {
		const trigger = board();
		await trigger.poll('trigger', 'activate');
		const second = Math.floor(Date.now() / 1000) + 5;
		const a = f.sim.activity.createTicket('A');
		f.sim.activity.updateTicket(a.id, {}, second);
		expect(ticketIds(await trigger.poll())).toEqual([a.id]);
		const b = f.sim.activity.createTicket('B');
		f.sim.activity.updateTicket(b.id, {}, second);
		// 150 more tickets updated later: two pages of 100, read newest first down to the watermark.
		const more = Array.from({ length: 150 }, (_, i) => f.sim.activity.updateTicket(f.sim.activity.createTicket(`T${i}`).id, {}, second + 1 + i).id);
		f.sim.server.reset();
		expect(ticketIds(await trigger.poll())).toEqual([b.id, ...more]);
		expect(boardReads()).toHaveLength(2);
		expect(await trigger.poll()).toBeNull();
	});

	it('a backlog of updated tickets: at most 1,000 a poll, oldest update first, the rest in the next poll', async () => {
		const trigger = board();
		await trigger.poll('trigger', 'activate');
		const second = Math.floor(Date.now() / 1000) + 10;
		const updated = Array.from({ length: 1100 }, (_, i) => f.sim.activity.updateTicket(f.sim.activity.createTicket(`B${i}`).id, {}, second + Math.floor(i / 3)).id);
		const first = ticketIds(await trigger.poll());
		expect(first).toEqual(updated.slice(0, MAX_EVENTS_PER_POLL));
		expect(ticketIds(await trigger.poll())).toEqual(updated.slice(MAX_EVENTS_PER_POLL));
		expect(await trigger.poll()).toBeNull();
	});

	it('restarts from saved static data and keeps the cursor through a failed poll', async () => {
		const trigger = board();
		await trigger.poll('trigger', 'activate');
		const t = f.sim.activity.createTicket('Disk full');
		const saved = trigger.saved();
		f.sim.server.faults.push({ route: 'POST /v2/ticketing/trigger/board/1/run', kind: 'status', status: 400, times: 1, body: { resultCode: 'BAD', errorMessage: 'Board is being rebuilt' } });
		await expect(trigger.poll()).rejects.toThrow(/NinjaOne 400: Board is being rebuilt/);
		expect(trigger.saved()).toEqual(saved);
		trigger.restart(saved);
		expect(ticketIds(await trigger.poll())).toEqual([t.id]);
	});

	it('watches activities and the board together, and rejects a missing board', async () => {
		const trigger = board(['alertTriggered', 'ticketUpdated']);
		await trigger.poll('trigger', 'activate');
		const alert = f.sim.activity.alert(2);
		const ticket = f.sim.activity.createTicket('Both');
		const items = await trigger.poll();
		expect(items!.map((i) => (i.json.result as { id: number }).id)).toEqual([alert.id, ticket.id]);
		const noBoard = new TriggerWorkflow(f, POLL_TYPE, { events: ['ticketUpdated'] });
		await expect(noBoard.poll()).rejects.toThrow(/^Board ID: must be a board's ID/);
	});

	it('returns the most recently updated ticket in manual mode', async () => {
		f.sim.activity.createTicket('First');
		const latest = f.sim.activity.createTicket('Second');
		expect(ticketIds(await board().poll('manual', 'manual'))).toEqual([latest.id]);
	});
});
