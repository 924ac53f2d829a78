import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { NexthinkAct } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/NexthinkAct.node';
import { deviceUid, INFINITY_DEVICES, INFINITY_USERS } from '../../simulator/nexthinkInfinity';
import { nodeTypes } from '../harness/nodeTypes';
import { INFINITY_CREDENTIAL, NEXTHINK_TYPE, NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

const [alice, bob, carol] = INFINITY_DEVICES;
const [aliceUser, bobUser] = INFINITY_USERS;
const continueOnFail = { onError: 'continueRegularOutput' as const };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const sim = () => fixture.infinity.automation;
const run = (operation: string, parameters: Record<string, unknown>, items = [{}]) =>
	fixture.runInfinity({ resource: 'workflow', operation, ...parameters }, items, continueOnFail);
const bodies = (route: string) => fixture.infinity.api.requests(route).map((r) => r.body as any);

describe('Nexthink Infinity: Workflow > Execute', () => {
	test('devices by Collector ID and users by SID, with parameters: one request, every execution ID', async () => {
		const result = await run('execute', {
			workflowId: byId('#reset_vpn'),
			devices: `${alice.collectorId}\n${bob.collectorId}, ${alice.collectorId}`,
			users: aliceUser.sid,
			params: { parameter: [{ name: 'profile', value: 'corp' }] },
		});
		expect(result.json[0]).toMatchObject({ has_error: false, error: null });
		expect(bodies('POST /api/v1/workflows/execute')).toEqual([
			{ workflowId: '#reset_vpn', devices: [alice.collectorId, bob.collectorId], users: [aliceUser.sid], params: { profile: 'corp' } },
		]);
		const executions = sim().executions;
		expect(results(result)[0]).toEqual({
			workflowId: '#reset_vpn',
			requestUuids: [executions[0].requestUuid],
			executionsUuids: executions.map((e) => e.executionUuid),
			devices: 2,
			users: 1,
			batches: 1,
		});
	});

	test('more than 10,000 targets go in batches of devices and users together, merged into one result', async () => {
		const devices = Array.from({ length: 12_000 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);
		const users = Array.from({ length: 9_000 }, (_, i) => `S-1-5-21-1-2-${i}`);
		const result = await run('execute', { workflowId: byId('#reset_vpn'), devices: '={{ $json.devices }}', users: '={{ $json.users }}' }, [{ devices, users }] as any);
		const sent = bodies('POST /api/v1/workflows/execute');
		expect(sent.map((b) => [b.devices.length, b.users.length])).toEqual([[10_000, 0], [2_000, 8_000], [0, 1_000]]);
		expect(sent.flatMap((b) => b.devices)).toEqual(devices);
		expect(results(result)[0]).toMatchObject({ devices: 12_000, users: 9_000, batches: 3 });
		expect(results(result)[0].executionsUuids).toHaveLength(21_000);
		expect(results(result)[0].requestUuids).toHaveLength(3);
	});

	test('a failed later batch keeps what the earlier ones started', async () => {
		fixture.infinity.api.faults.push({ route: 'POST /api/v1/workflows/execute', kind: 'status', status: 403, nth: [2], body: { code: 'FORBIDDEN', details: 'No permission' } });
		const result = await run('execute', {
			workflowId: byId('#reset_vpn'),
			devices: `${alice.collectorId}, ${bob.collectorId}, ${carol.collectorId}`,
			options: { maxPerRequest: 2 },
		});
		expect(result.json[0].has_error).toBe(true);
		expect(result.json[0].error).toMatch(/^Batch 2 of 2 failed: Nexthink Infinity 403: No permission \(FORBIDDEN\)\. The API credential lacks the permission, or the workflow cannot be triggered through the API.*The 1 batch before it \(2 of 3 devices and users\) had already been sent\.$/);
		expect(results(result)[0]).toMatchObject({ devices: 2, batches: 1, executionsUuids: sim().executions.map((e) => e.executionUuid) });
	});

	test('bad targets are named before any request; no targets at all is an input error', async () => {
		const badDevice = await run('execute', { workflowId: byId('#reset_vpn'), devices: 'LAPTOP-ALICE' });
		expect(badDevice.json[0].error).toBe('Devices (Collector IDs) (item 0): "LAPTOP-ALICE" is not a Collector ID (a UUID)');
		const badUser = await run('execute', { workflowId: byId('#reset_vpn'), users: 'alice@example.com' });
		expect(badUser.json[0].error).toBe('Users (SIDs) (item 0): "alice@example.com" is not a user SID (such as S-1-5-21-…)');
		const none = await run('execute', { workflowId: byId('#reset_vpn') });
		expect(none.json[0].error).toBe('Devices (item 0): give at least one device or one user for the workflow to run on');
		const noWorkflow = await run('execute', { workflowId: byId('={{ "" }}'), devices: alice.collectorId });
		expect(noWorkflow.json[0].error).toMatch(/^Workflow \(item 0\): is required/);
		expect(fixture.infinity.api.log).toHaveLength(0);
	});

	test('errors in the Workflows API\'s words ({code, details}), with what to do', async () => {
		const scheduled = await run('execute', { workflowId: byId('#weekly_cleanup'), devices: alice.collectorId });
		expect(scheduled.json[0].error).toMatch(
			/^Nexthink Infinity 403: Workflow #weekly_cleanup cannot be triggered through the API \(WORKFLOW_NOT_API_TRIGGERABLE\)\. The API credential lacks the permission, or the workflow cannot be triggered through the API: give the credential the Workflows API permission/,
		);
		const unknown = await run('execute', { workflowId: byId('#nope'), devices: alice.collectorId });
		expect(unknown.json[0].error).toMatch(/^Nexthink Infinity 400: No workflow with ID #nope \(WORKFLOW_NOT_FOUND\)\. Check the workflow's NQL ID/);
	});
});

describe('Nexthink Infinity: Workflow > Execute by External IDs', () => {
	test('devices by name and users by UPN, as objects keyed by the identifier', async () => {
		const result = await run('executeByExternalIds', {
			workflowId: byId('#laptop_replacement'),
			deviceKey: 'name',
			devices: `${alice.name}, ${bob.name}`,
			userKey: 'upn',
			users: bobUser.upn,
		});
		expect(result.json[0].has_error).toBe(false);
		expect(bodies('POST /api/v2/workflows/execute')).toEqual([
			{ workflowId: '#laptop_replacement', devices: [{ name: alice.name }, { name: bob.name }], users: [{ upn: bobUser.upn }] },
		]);
		expect(sim().executions.map((e) => e.device?.collectorUid ?? e.user.sid)).toEqual([alice.collectorId, bob.collectorId, bobUser.sid]);
		expect(results(result)[0]).toMatchObject({ workflowId: '#laptop_replacement', devices: 2, users: 1, executionsUuids: sim().executions.map((e) => e.executionUuid) });
	});

	test('Collector UID, device UID, SID and user UID each go under their own key, checked before sending', async () => {
		await run('executeByExternalIds', { workflowId: byId('#reset_vpn'), deviceKey: 'collectorUid', devices: carol.collectorId, userKey: 'sid', users: aliceUser.sid });
		await run('executeByExternalIds', { workflowId: byId('#reset_vpn'), deviceKey: 'uid', devices: deviceUid(1), userKey: 'uid', users: bobUser.uid });
		expect(bodies('POST /api/v2/workflows/execute').map((b) => [b.devices, b.users])).toEqual([
			[[{ collectorUid: carol.collectorId }], [{ sid: aliceUser.sid }]],
			[[{ uid: deviceUid(1) }], [{ uid: bobUser.uid }]],
		]);
		const bad = await run('executeByExternalIds', { workflowId: byId('#reset_vpn'), userKey: 'upn', users: 'alice' });
		expect(bad.json[0].error).toBe('Users (item 0): "alice" is not a user principal name (such as jane@company.com)');
		expect(fixture.infinity.api.requests('POST /api/v2/workflows/execute')).toHaveLength(2);
	});
});

describe('Nexthink Infinity: Workflow > Get Many, Get and the editor\'s list', () => {
	test('Get Many asks once per filter value for "Any", and gives each workflow once', async () => {
		const all = await run('getMany', { dependency: 'any', triggerMethod: 'any' });
		expect(results(all).map((w) => w.id).sort()).toEqual(sim().workflows.map((w) => w.id).sort());
		expect(fixture.infinity.api.requests('GET /api/v1/workflows')).toHaveLength(16);
		fixture.infinity.api.log.length = 0;

		const api = await run('getMany', { dependency: 'DEVICE', triggerMethod: 'API', activeOnly: true });
		expect(results(api).map((w) => w.id)).toEqual(['#reset_vpn']);
		const [request] = fixture.infinity.api.requests('GET /api/v1/workflows');
		expect(Object.fromEntries(request.query)).toEqual({ dependency: 'DEVICE', triggerMethod: 'API', fetchOnlyActiveWorkflows: 'true' });

		const limited = await run('getMany', { dependency: 'any', triggerMethod: 'API', returnAll: false, limit: 2 });
		expect(results(limited)).toHaveLength(2);
	});

	test('Get gives the workflow with its UUID; an unknown NQL ID is said so', async () => {
		const found = await run('get', { workflowId: byId('#laptop_replacement') });
		expect(results(found)[0]).toMatchObject({ id: '#laptop_replacement', uuid: sim().workflows[1].uuid, status: 'ACTIVE' });
		expect(fixture.infinity.api.requests('GET /api/v1/workflows/details')[0].query.get('nqlId')).toBe('#laptop_replacement');
		const missing = await run('get', { workflowId: byId('#nope') });
		expect(missing.json[0].error).toMatch(/^Nexthink Infinity 400: No workflow with NQL ID #nope \(WORKFLOW_NOT_FOUND\)/);
	});

	test('the Workflow list in the editor holds the active workflows the API may trigger', async () => {
		const parameters: INodeParameters = { api: 'infinity', resource: 'workflow', operation: 'execute' };
		const node: INode = { id: 'n', name: 'Nexthink Act', type: NEXTHINK_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials: INFINITY_CREDENTIAL };
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const additionalData = { credentialsHelper: fixture.helper, currentNodeParameters: parameters } as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.workflowId');
		const { results: listed } = await new NexthinkAct().methods.listSearch.searchWorkflows.call(context);
		expect(listed.map((r) => r.value)).toEqual(['#laptop_replacement', '#reset_vpn']);
		expect(listed[1]).toEqual({ name: 'Reset VPN (#reset_vpn)', value: '#reset_vpn', description: 'Reset VPN (simulated)' });
		const { results: filtered } = await new NexthinkAct().methods.listSearch.searchWorkflows.call(context, 'laptop');
		expect(filtered.map((r) => r.value)).toEqual(['#laptop_replacement']);
	});
});

describe('Nexthink Infinity: Workflow > Resume a Waiting Execution', () => {
	test('resumes the execution waiting for its event, with the parameters, and says so', async () => {
		const started = await run('executeByExternalIds', { workflowId: byId('#laptop_replacement'), devices: alice.name });
		const [executionUuid] = results(started)[0].executionsUuids;
		const { uuid } = sim().workflows.find((w) => w.id === '#laptop_replacement')!;
		const resumed = await run('resume', { workflowUuid: uuid, executionUuid, parameters: { parameter: [{ name: 'approved', value: 'yes' }] } });
		expect(results(resumed)[0]).toEqual({ workflowUuid: uuid, executionUuid, resumed: true, requestUuids: [sim().resumes[0].requestUuid] });
		expect(sim().resumes[0].parameters).toEqual({ approved: 'yes' });
		expect(sim().executions[0].status).toBe('in_progress');

		const again = await run('resume', { workflowUuid: uuid, executionUuid });
		expect(again.json[0].error).toMatch(/^Nexthink Infinity 400: Execution .* is not waiting for an event \(EXECUTION_NOT_WAITING\)/);
		expect(bodies('POST /api/v1/workflows/workflows/')[1]).toEqual({ parameters: {} });
	});

	test('UUIDs and empty values are refused before any request', async () => {
		const notUuid = await run('resume', { workflowUuid: '#laptop_replacement', executionUuid: deviceUid(0) });
		expect(notUuid.json[0].error).toBe('Workflow UUID (item 0): must be a UUID, got "#laptop_replacement"');
		const empty = await run('resume', { workflowUuid: deviceUid(0), executionUuid: deviceUid(1), parameters: { parameter: [{ name: 'approved', value: '' }] } });
		expect(empty.json[0].error).toBe('Parameters (item 0): the value of "approved" is empty; the waiting step takes only non-empty texts');
		expect(fixture.infinity.api.log).toHaveLength(0);
	});
});
