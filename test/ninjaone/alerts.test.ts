import type { IDataObject } from 'n8n-workflow';

import { fixturePerFile } from './fixture';

/* Alert > Reset and Reset With Activity Data in n8n's engine against the spec-checking simulator:
   a reset alert leaves the active alerts. */

const f = fixturePerFile();

const activeUids = async () => {
	const run = await f.run({ resource: 'alert', operation: 'listActive', returnAll: true, filters: {} });
	return run.json.map((j) => String((j.result as IDataObject).uid));
};

describe('Alert', () => {
	it('resets an alert, which then leaves the active alerts', async () => {
		const [first, ...rest] = await activeUids();
		const run = await f.run({ resource: 'alert', operation: 'reset', alertUid: first });
		expect(run.json).toEqual([{ has_error: false, error: null, result: { uid: first, reset: true } }]);
		const [request] = f.sim.server.requests('DELETE /v2/alert/');
		expect(request.pathname).toBe(`/v2/alert/${first}`);
		expect(request.body).toBeUndefined();
		expect(await activeUids()).toEqual(rest);
	});

	it('resets with activity data, sent as the JSON body', async () => {
		const [first, second] = await activeUids();
		const run = await f.run(
			{ resource: 'alert', operation: 'resetWithActivityData', alertUid: '={{ $json.uid }}', activityData: '={{ { ticketId: $json.ticket, by: "n8n" } }}' },
			[{ uid: first, ticket: 7 }, { uid: second, ticket: 8 }],
		);
		expect(run.json.map((j) => j.result)).toEqual([
			{ uid: first, reset: true, activityData: { ticketId: 7, by: 'n8n' } },
			{ uid: second, reset: true, activityData: { ticketId: 8, by: 'n8n' } },
		]);
		expect(f.sim.server.requests('POST /v2/alert/').map((r) => r.body)).toEqual([{ ticketId: 7, by: 'n8n' }, { ticketId: 8, by: 'n8n' }]);
		expect(f.sim.alertResets.map((r) => r.uid)).toEqual([first, second]);
		expect(await activeUids()).not.toContain(first);
	});

	it('resets without a body when no activity data is given (n8n sends no empty JSON object)', async () => {
		const [first] = await activeUids();
		const run = await f.run({ resource: 'alert', operation: 'resetWithActivityData', alertUid: first, activityData: '' });
		expect(run.json[0].result).toEqual({ uid: first, reset: true, activityData: {} });
		expect(f.sim.server.requests('POST /v2/alert/')[0].body).toBeUndefined();
		expect(await activeUids()).not.toContain(first);
	});

	it('reports an alert that is gone in NinjaOne\'s words, and never sends the reset twice', async () => {
		const uid = '3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50';
		const run = await f.run({ resource: 'alert', operation: 'resetWithActivityData', alertUid: uid, activityData: '{}' });
		expect(run.error?.message).toMatch(new RegExp(`^NinjaOne 404: Alert ${uid} not found \\(ALERT_NOT_FOUND\\)`));
		f.sim.server.reset();
		f.sim.server.faults = [{ route: 'POST /v2/alert/', kind: 'status', status: 503 }];
		const [first] = f.sim.alerts.map((a) => a.uid);
		const failed = await f.run({ resource: 'alert', operation: 'resetWithActivityData', alertUid: first, activityData: '{}' });
		expect(failed.error?.message).toMatch(/^NinjaOne 503/);
		expect(f.sim.server.requests('POST /v2/alert/')).toHaveLength(1);
	});

	it.each([
		['an alert UID that is not a UUID', { resource: 'alert', operation: 'reset', alertUid: '12' }, /^Alert UID \(item 0\): must be a UUID/],
		['a path in the alert UID', { resource: 'alert', operation: 'reset', alertUid: '../devices' }, /^Alert UID \(item 0\): must be a UUID/],
		['an empty alert UID from an expression', { resource: 'alert', operation: 'reset', alertUid: '={{ $json.none }}' }, /^Alert UID \(item 0\): is required/],
		['invalid JSON activity data', { resource: 'alert', operation: 'resetWithActivityData', alertUid: '3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50', activityData: '{"a":' }, /^Activity Data \(item 0\): is not valid JSON/],
		['activity data that is an array', { resource: 'alert', operation: 'resetWithActivityData', alertUid: '3f1c2a9e-6b7d-4c1e-9f2a-0b1c2d3e4f50', activityData: '[1]' }, /^Activity Data \(item 0\): must be a JSON object/],
	])('catches %s before any request', async (_name, parameters, message) => {
		const run = await f.run(parameters);
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(message);
		expect(f.sim.server.log).toHaveLength(0);
	});
});
