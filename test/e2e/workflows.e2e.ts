import { join } from 'path';

import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { nxqlDevice } from '../../simulator/nexthinkPortal';
import { type E2eN8n, envelopes, exampleFiles, forCli, outputOf, prepareN8n, readWorkflow } from './support';

/* The example workflows, run by the real n8n CLI (`n8n execute`) with this package installed as a
   community package, against the sandbox started in this process: the items of every node and the
   sandbox's state after the run. */

let sandbox: Sandbox;
let n8n: E2eN8n;

const examples = Object.fromEntries(exampleFiles().map((file) => [readWorkflow(file).id, readWorkflow(file)]));
const errorOutput = readWorkflow(join(__dirname, 'workflows', 'error-output.json'));
const approvePending = readWorkflow(join(__dirname, 'workflows', 'approve-pending.json'));
const nxqlEngines = readWorkflow(join(__dirname, 'workflows', 'nxql-all-engines.json'));

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	n8n = await prepareN8n('workflows', sandbox.credentials(), [...Object.values(examples).map(forCli), errorOutput, approvePending, nxqlEngines]);
}, 900_000);

afterAll(async () => {
	await sandbox?.stop();
});

afterEach(() => {
	// Every request the nodes sent through the real n8n matched the APIs' specifications.
	for (const api of sandbox.apis) expect(api.violations).toEqual([]);
});

test('alert triage: offline or critical alerts, one reboot per device, offline agents on the error output', async () => {
	const ninja = sandbox.ninjaOne;
	const alerts = ninja.alerts;
	const wanted = alerts.filter((a) => a.sourceType === 'AGENT_OFFLINE' || a.severity === 'CRITICAL');
	const wantedDevices = [...new Set(wanted.map((a) => a.deviceId))];
	const offline = wantedDevices.filter((id) => ninja.devices.find((d) => d.id === id)!.offline);
	expect(offline.length).toBeGreaterThan(0);
	ninja.server.log.length = 0;

	const run = await n8n.execute('exNinjaTriage001');

	expect(run.status).toBe('success');
	const listed = envelopes(outputOf(run, 'Active alerts'));
	expect(listed).toHaveLength(alerts.length);
	expect(listed.every((e) => e.has_error === false && e.error === null)).toBe(true);
	expect(listed.map((e) => e.result.uid).sort()).toEqual(alerts.map((a) => a.uid).sort());
	expect(outputOf(run, 'Agent offline or critical')).toHaveLength(wanted.length);
	expect(outputOf(run, 'One per device')).toHaveLength(wantedDevices.length);

	const rebooted = envelopes(outputOf(run, 'Reboot device', 0));
	const failed = outputOf(run, 'Reboot device', 1);
	expect(rebooted).toHaveLength(wantedDevices.length - offline.length);
	expect(rebooted.every((e) => e.has_error === false && e.result.mode === 'NORMAL' && e.result.requested === true)).toBe(true);
	expect(failed).toHaveLength(offline.length);
	expect(failed.every((item) => /NinjaOne 400: Device \d+ is offline/.test(item.json.error))).toBe(true);
	expect(outputOf(run, 'Not rebooted').map((i) => i.json.deviceId).sort()).toEqual([...offline].sort());

	// The sandbox rebooted exactly the online devices, in normal mode, with the alert as the reason.
	expect(ninja.reboots.map((r) => r.deviceId).sort()).toEqual(wantedDevices.filter((id) => !offline.includes(id)).sort());
	expect(ninja.reboots.every((r) => r.mode === 'NORMAL' && /^n8n alert triage: /.test(r.reason))).toBe(true);
	// Throttled: the node starts the reboot requests at least 500 ms apart. Judged on the node's own
	// run in n8n's clock, which scheduling delay can only lengthen, never shorten; when they arrive
	// here is not the node's to decide (a busy machine may hold one back and let the next through).
	const starts = ninja.server.requests(/^POST \/v2\/device\/\d+\/reboot\//);
	expect(starts).toHaveLength(wantedDevices.length);
	expect(run.data.resultData.runData['Reboot device'][0].executionTime).toBeGreaterThanOrEqual((starts.length - 1) * 500);
});

test('onboarding: the organization with its locations and policies, and one Windows MSI link per location', async () => {
	const ninja = sandbox.ninjaOne;
	const before = ninja.organizations.size;
	const payload = examples.exNinjaOnboard01.pinData!['Onboarding request'][0].json as any;

	const run = await n8n.execute('exNinjaOnboard01');

	expect(run.status).toBe('success');
	const [created] = envelopes(outputOf(run, 'Create organization'));
	expect(created.has_error).toBe(false);
	expect(created.result.name).toBe(payload.body.name);
	expect(ninja.organizations.size).toBe(before + 1);
	const org = ninja.organizations.get(created.result.id)!;
	expect(org.name).toBe('Contoso Ltd');
	expect(org.nodeApprovalMode).toBe('MANUAL');
	expect(org.locations.map((l: any) => l.name)).toEqual(payload.body.locations.map((l: any) => l.name));
	expect(org.policies).toEqual(payload.body.policies);

	const installers = envelopes(outputOf(run, 'Windows MSI installer'));
	expect(installers).toHaveLength(payload.body.locations.length);
	installers.forEach((e, i) => {
		expect(e.has_error).toBe(false);
		expect(e.result).toMatchObject({ organizationId: org.id, locationId: org.locations[i].id, installerType: 'WINDOWS_MSI' });
		expect(e.result.url).toMatch(new RegExp(`/installers/${org.id}/${org.locations[i].id}/agent\\.msi$`));
	});
});

test('maintenance window: every approved device of the organization in maintenance, a script on each, maintenance ended', async () => {
	const ninja = sandbox.ninjaOne;
	const orgDevices = ninja.devices.filter((d) => d.organizationId === 2 && d.approvalStatus === 'APPROVED');
	const elsewhere = ninja.devices.filter((d) => d.organizationId !== 2 && d.maintenance).map((d) => d.id);
	expect(orgDevices.length).toBeGreaterThan(10);
	ninja.server.log.length = 0;
	ninja.scriptRuns.length = 0;

	const run = await n8n.execute('exNinjaMaintWin1');

	expect(run.status).toBe('success');
	const ids = orgDevices.map((d) => d.id);
	expect(envelopes(outputOf(run, 'Devices of the organization')).map((e) => e.result.id)).toEqual(ids);
	const scheduled = envelopes(outputOf(run, 'Maintenance for 8 hours'));
	expect(scheduled.map((e) => Number(e.result.deviceId))).toEqual(ids);
	expect(scheduled.every((e) => !e.has_error && e.result.disabledFeatures.join() === 'ALERTS,PATCHING')).toBe(true);
	// The windows sent: from now, eight hours long.
	for (const request of ninja.server.requests(/^PUT \/v2\/device\/\d+\/maintenance$/)) {
		const body = request.body as { start?: string; end: string };
		expect(body.start).toBeUndefined();
		expect(body.end).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(Date.parse(body.end) - request.at).toBeGreaterThan((8 * 3600 - 120) * 1000);
		expect(Date.parse(body.end) - request.at).toBeLessThan((8 * 3600 + 120) * 1000);
	}
	expect(envelopes(outputOf(run, 'Run nightly script')).every((e) => !e.has_error)).toBe(true);
	expect(ninja.scriptRuns.map((r) => r.deviceId)).toEqual(ids);
	expect(ninja.scriptRuns.every((r) => r.type === 'SCRIPT' && r.id === 101 && r.parameters === '-CleanupDays 14' && r.runAs === 'system')).toBe(true);
	const ended = envelopes(outputOf(run, 'End maintenance'));
	expect(ended.map((e) => Number(e.result.deviceId))).toEqual(ids);
	// State: the organization's devices are out of maintenance again; other organizations' untouched.
	expect(orgDevices.every((d) => d.maintenance === null)).toBe(true);
	expect(ninja.devices.filter((d) => d.organizationId !== 2 && d.maintenance).map((d) => d.id)).toEqual(elsewhere);
});

test('remediation on Infinity: each named device found by NQL, the remote action run on it with the ticket, one status per device', async () => {
	const infinity = sandbox.nexthinkInfinity;
	const ticket = (examples.exNexthinkRemInf.pinData!.Ticket[0].json as any).body;
	const wanted = INFINITY_DEVICES.filter((d) => ticket.devices.includes(d.name));
	expect(wanted).toHaveLength(ticket.devices.length);
	infinity.executions = [];

	const run = await n8n.execute('exNexthinkRemInf');

	expect(run.status).toBe('success');
	const found = envelopes(outputOf(run, 'Find device'));
	expect(found.map((e) => e.result['device.collector.uid'])).toEqual(wanted.map((d) => d.collectorId));
	const executed = envelopes(outputOf(run, 'Restart the service'));
	expect(executed).toHaveLength(wanted.length);
	expect(executed.every((e) => !e.has_error && e.result.remoteActionId === '#restart_service' && e.result.requestIds.length === 1)).toBe(true);
	// The sandbox ran the action once per device, with the service and the ticket.
	expect(infinity.executions.map((e) => e.device)).toEqual(wanted.map((d) => d.collectorId));
	for (const execution of infinity.executions) {
		expect(execution.body.params).toEqual({ ServiceName: ticket.service });
		expect(execution.body.triggerInfo).toMatchObject({ externalSource: 'n8n', externalReference: ticket.ticket });
	}
	const statuses = outputOf(run, 'Status per device').map((item) => item.json);
	expect(statuses).toEqual(
		wanted.map((d, i) => expect.objectContaining({
			ticket: ticket.ticket,
			device: d.name,
			collectorId: d.collectorId,
			status: 'triggered',
			requestId: executed[i].result.requestIds[0],
		})),
	);
});

test('workflow from a ticket: the Nexthink workflow run on the device found by its name, the execution IDs in the answer', async () => {
	const automation = sandbox.nexthinkInfinity.automation;
	const ticket = (examples.exNexthinkWfExt1.pinData!.Ticket[0].json as any).body;
	const device = INFINITY_DEVICES.find((d) => d.name === ticket.device)!;
	automation.executions = [];

	const run = await n8n.execute('exNexthinkWfExt1');

	expect(run.status).toBe('success');
	const [started] = envelopes(outputOf(run, 'Run the workflow'));
	expect(started.has_error).toBe(false);
	// The sandbox ran #reset_vpn once, on the ticket's device, with the ticket as its parameter.
	expect(automation.executions).toHaveLength(1);
	expect(automation.executions[0]).toMatchObject({ workflowId: '#reset_vpn', device: { name: device.name, collectorUid: device.collectorId }, params: { ticket: ticket.ticket } });
	const [answer] = outputOf(run, 'Answer').map((item) => item.json);
	expect(answer).toEqual(expect.objectContaining({
		ticket: ticket.ticket,
		device: ticket.device,
		status: 'started',
		requestId: automation.executions[0].requestUuid,
		executionIds: [automation.executions[0].executionUuid],
	}));
});

test('remediation on the classic Portal: one run through the Engines, one status per Engine', async () => {
	const portal = sandbox.nexthinkPortal;
	const ticket = (examples.exNexthinkRemPtl.pinData!.Ticket[0].json as any).body;
	portal.runs = [];

	const run = await n8n.execute('exNexthinkRemPtl');

	expect(run.status).toBe('success');
	const [ran] = envelopes(outputOf(run, 'Run remote action'));
	expect(ran.has_error).toBe(false);
	expect(ran.result.devices).toBe(ticket.deviceUids.length);
	expect(portal.runs).toHaveLength(1);
	expect(portal.runs[0]).toMatchObject({ remoteActionUid: ticket.remoteActionUid, deviceUids: ticket.deviceUids, params: { ServiceName: 'Spooler' } });
	const byEngine = Object.fromEntries(portal.engines.map((e) => [e.databaseUID, e.status === 'CONNECTED' ? 'ok' : 'not_connected']));
	const statuses = outputOf(run, 'Status per Engine').map((item) => item.json);
	expect(statuses).toHaveLength(portal.engines.length);
	for (const status of statuses) {
		expect(status).toMatchObject({ ticket: ticket.ticket, status: byEngine[status.engine], devices: ticket.deviceUids.length });
	}
	expect(statuses.map((s) => s.status).sort()).toEqual(['not_connected', 'ok']);
});

test('alerts to tickets: one ticket per new alert on the Alerts board, linked to its device; the next run opens none', async () => {
	const ninja = sandbox.ninjaOne;
	const alerts = [...ninja.alerts];
	expect(alerts.length).toBeGreaterThan(0);
	const before = new Set(ninja.ticketing.tickets.keys());

	const run = await n8n.execute('exNinjaTickets01');

	expect(run.status).toBe('success');
	expect(outputOf(run, 'Alerts without a ticket')).toHaveLength(alerts.length);
	const opened = envelopes(outputOf(run, 'Open ticket'));
	expect(opened).toHaveLength(alerts.length);
	expect(opened.every((e) => !e.has_error)).toBe(true);
	const created = [...ninja.ticketing.tickets.values()].filter((t) => !before.has(t.id));
	expect(created).toHaveLength(alerts.length);
	for (const alert of alerts) {
		const ticket = created.find((t) => t.subject.endsWith(`[alert ${alert.uid}]`));
		const device = ninja.devices.find((d) => d.id === alert.deviceId)!;
		expect(ticket).toMatchObject({ nodeId: alert.deviceId, clientId: device.organizationId, type: 'INCIDENT', ticketFormId: 2, status: { statusId: 1000 } });
		expect(ninja.ticketing.logEntries.get(ticket!.id)![0]).toMatchObject({ type: 'DESCRIPTION', publicEntry: false });
	}
	// The new tickets are on the Alerts board: a second run finds every alert has one.
	const again = await n8n.execute('exNinjaTickets01');
	expect(again.status).toBe('success');
	expect(outputOf(again, 'Alerts without a ticket')).toHaveLength(0);
	expect(ninja.ticketing.tickets.size).toBe(before.size + alerts.length);
});

test('writes change the sandbox: devices approved in one node are gone from the next list of pending devices', async () => {
	const ninja = sandbox.ninjaOne;
	const pending = ninja.devices.filter((d) => d.approvalStatus === 'PENDING').map((d) => d.id);
	expect(pending.length).toBeGreaterThan(0);

	const run = await n8n.execute('e2eApprovePend01');

	expect(run.status).toBe('success');
	expect(envelopes(outputOf(run, 'Pending devices')).map((e) => e.result.id)).toEqual(pending);
	const approved = envelopes(outputOf(run, 'Approve'));
	expect(approved).toHaveLength(pending.length);
	expect(approved.every((e) => !e.has_error)).toBe(true);
	expect(pending.every((id) => ninja.devices.find((d) => d.id === id)!.approvalStatus === 'APPROVED')).toBe(true);
	// The list after the approvals finds none (n8n's "Always Output Data" gives one empty item).
	expect(outputOf(run, 'Pending afterwards').map((item) => item.json)).toEqual([{}]);
});

/* n8n 2.41 rewrites the JSON of every item that carries `item.error` to `{ error: <message> }`
   (n8n-core WorkflowExecute.normalizeNodeErrors, after the error output is routed), so on the error
   output the node's `{has_error: true, error, result}` envelope is reduced to its message. The test
   checks what a user of this n8n sees; the envelope itself stays on the success output. */
test('an API error under "Continue (using error output)" puts the failed item on the error output', async () => {
	const run = await n8n.execute('e2eErrorOutput01');

	expect(run.status).toBe('success');
	const ok = envelopes(outputOf(run, 'Reboot', 0));
	const failed = outputOf(run, 'Reboot', 1);
	expect(ok).toEqual([{ has_error: false, error: null, result: expect.objectContaining({ deviceId: 1, requested: true }) }]);
	expect(failed).toHaveLength(1);
	expect(failed[0].json).toEqual({ error: expect.stringMatching(/^NinjaOne 404: Device 99999 not found \(DEVICE_NOT_FOUND\)/) });
	expect(failed[0].error).toMatchObject({ name: 'NodeApiError', context: { itemIndex: 1 } });
	expect(failed[0].pairedItem).toEqual({ item: 1 });
	// Downstream, each output's node received its item: the workflow went on after the failure.
	expect(outputOf(run, 'Rebooted')).toHaveLength(1);
	expect(outputOf(run, 'Failed')).toHaveLength(1);
	expect(sandbox.ninjaOne.reboots.some((r) => r.deviceId === 1 && r.reason === 'e2e')).toBe(true);
});

test('NXQL on every connected Engine of the classic Portal, then a remote action on the devices found', async () => {
	const portal = sandbox.nexthinkPortal;
	const [geneva, lausanne] = portal.engines;
	portal.runs.length = 0;

	const run = await n8n.execute('e2eNxqlEngines01');

	expect(run.status).toBe('success');
	const found = envelopes(outputOf(run, 'Devices on every Engine'));
	// The sandbox's connected Engine holds three devices; the summary item comes last.
	expect(found.slice(0, 3).map((e) => e.result)).toEqual([1, 2, 3].map((n) => ({ device_uid: nxqlDevice('engine-geneva', n).device_uid, name: nxqlDevice('engine-geneva', n).name, engine: 'engine-geneva' })));
	expect(found[3].result).toMatchObject({
		rows: 3,
		engines: [
			{ name: 'engine-geneva', databaseUid: geneva.databaseUID, code: 'ok', rows: 3 },
			{ name: 'engine-lausanne', databaseUid: lausanne.databaseUID, code: 'not_connected', rows: 0 },
		],
		summary: { counts: { ok: 1, not_connected: 1 } },
	});
	const [ran] = envelopes(outputOf(run, 'Run remote action'));
	expect(ran).toMatchObject({ has_error: false, result: { devices: 3 } });
	expect(portal.runs[0].deviceUids).toEqual([1, 2, 3].map((n) => nxqlDevice('engine-geneva', n).device_uid));
	// The query went to the connected Engine only, with the Portal user.
	const sent = portal.engineServers[0].log.filter((r) => r.pathname === '/2/query');
	expect(sent.map((r) => r.query.get('p1'))).toEqual(['name']);
	expect(sent[0].query.getAll('platform')).toEqual(['windows', 'mac_os']);
	expect(portal.engineServers[1].log).toHaveLength(0);
});
