import type { INodeParameters } from 'n8n-workflow';

import { DELIVERY_HEADER } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneWebhookTrigger/NinjaOneWebhookTrigger.node';
import { NinjaOneFixture } from '../ninjaone/fixture';
import { TriggerWorkflow, WEBHOOK_TYPE, WebhookReceiver } from './harness';

/* NinjaOne Webhook Trigger: the lifecycle (checkExists, create, delete) in n8n-core's HookContext
   against the simulator's PUT/DELETE /v2/webhook, then real deliveries from the simulator to an
   endpoint that runs the node's webhook() in a WebhookContext. */

const f = new NinjaOneFixture({ organizations: 3, devices: 30 });
const receiver = new WebhookReceiver();
beforeAll(async () => {
	await f.start();
	await receiver.start();
});
afterAll(async () => {
	await receiver.stop();
	await f.stop();
});
beforeEach(() => {
	f.sim.seed({ organizations: 3, devices: 30, activities: 5 });
	f.sim.server.reset();
	receiver.executions.length = 0;
	receiver.answers.length = 0;
});
afterEach(() => expect(f.sim.violations).toEqual([]));

const webhookBase = () => ({ webhookBaseUrl: receiver.url });
const make = (parameters: INodeParameters = { events: ['alertTriggered', 'deviceOffline'] }) => {
	const trigger = new TriggerWorkflow(f, WEBHOOK_TYPE, parameters, {}, webhookBase());
	receiver.workflow = trigger;
	return trigger;
};

describe('NinjaOne Webhook Trigger: lifecycle', () => {
	it('registers the URL, the activities map, expand and a random secret header, on every activation', async () => {
		const trigger = make();
		expect(await trigger.checkExists()).toBe(false);
		await trigger.activate();
		const [put] = f.sim.server.requests('PUT /v2/webhook');
		const body = put.body as Record<string, any>;
		expect(body).toEqual({
			url: trigger.webhookUrl(),
			activities: { CONDITION: ['TRIGGERED'] },
			expand: ['device', 'organization'],
			headers: [{ name: DELIVERY_HEADER, value: expect.stringMatching(/^[0-9a-f]{64}$/) }],
		});
		expect(trigger.webhookUrl().startsWith(receiver.url)).toBe(true);
		// NinjaOne cannot show its webhook: activating again registers again (PUT replaces), with the same secret.
		expect(await trigger.checkExists()).toBe(false);
		await trigger.activate();
		const puts = f.sim.server.requests('PUT /v2/webhook');
		expect(puts).toHaveLength(2);
		expect(puts[1].body).toEqual(body);
	});

	it('"Listen for test event" replaced and then deleted the registration: publishing again registers production', async () => {
		const production = make();
		await production.activate();
		// The editor's test webhook: its own URL and static data, the same API client.
		const test = new TriggerWorkflow(f, WEBHOOK_TYPE, { events: ['alertTriggered', 'deviceOffline'] }, {}, { webhookBaseUrl: `${receiver.url}-test` });
		await test.activate();
		expect(f.sim.activity.webhook!.url).toBe(test.webhookUrl());
		await test.deactivate();
		expect(f.sim.activity.webhook).toBeUndefined();

		await production.activate();
		expect(f.sim.activity.webhook!.url).toBe(production.webhookUrl());
		const alert = f.sim.activity.alert(3);
		await f.sim.activity.settled();
		expect(f.sim.activity.deliveries.map((d) => [d.activityId, d.status])).toEqual([[alert.id, 200]]);
		expect(receiver.executions).toHaveLength(1);
	});

	it('deactivates even when NinjaOne refuses the DELETE, and then refuses deliveries', async () => {
		const trigger = make();
		await trigger.activate();
		const secret = String(trigger.state().secret);
		f.sim.server.faults.push({ route: 'DELETE /v2/webhook', kind: 'status', status: 500, body: { resultCode: 'SERVER_ERROR', errorMessage: 'Internal error' } });
		expect(await trigger.deactivate()).toBe(false);
		expect(trigger.state()).toEqual({});
		const answer = await fetch(trigger.webhookUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: secret },
			body: JSON.stringify(f.sim.activity.alert(1)),
		});
		expect(answer.status).toBe(401);
	});

	it('never claims or deletes a configuration another workflow registered', async () => {
		const mine = make();
		await mine.activate();
		const other = new TriggerWorkflow(f, WEBHOOK_TYPE, { events: ['alertTriggered'] }, {}, webhookBase());
		expect(await other.checkExists()).toBe(false);
		expect(await other.deactivate()).toBe(true);
		expect(f.sim.server.requests('DELETE /v2/webhook')).toHaveLength(0);
		expect(f.sim.activity.webhook).toBeDefined();
	});

	it('registers again when the events change, and removes its own configuration on deactivation', async () => {
		const trigger = make();
		await trigger.activate();
		trigger.node.parameters.events = ['ticketCreated', 'patchFailed'];
		expect(await trigger.checkExists()).toBe(false);
		await trigger.activate();
		expect(f.sim.activity.webhook!.activities).toEqual({
			NINJA_TICKETING: ['NINJA_TICKETING_TICKET_CREATED'],
			PATCH_MANAGEMENT: ['PATCH_MANAGEMENT_FAILURE', 'PATCH_MANAGEMENT_INSTALL_FAILED'],
		});
		expect(await trigger.deactivate()).toBe(true);
		expect(f.sim.server.requests('DELETE /v2/webhook')).toHaveLength(1);
		expect(f.sim.activity.webhook).toBeUndefined();
		expect(trigger.state()).toEqual({});
	});

	it('sends the organization filter when given', async () => {
		const trigger = make({ events: ['alertTriggered'], organizationIds: '2, 3' });
		await trigger.activate();
		expect(f.sim.activity.webhook!.organizationIds).toEqual([2, 3]);
	});
});

describe('NinjaOne Webhook Trigger: deliveries', () => {
	it('starts the workflow with each delivered event, the device and organization expanded', async () => {
		const trigger = make();
		await trigger.activate();
		const device = f.sim.devices[2];
		const alert = f.sim.activity.alert(device.id, 'Memory above 95%', 'CRITICAL');
		f.sim.activity.userLogin(1);
		await f.sim.activity.settled();

		expect(f.sim.activity.deliveries.map((d) => [d.activityId, d.status])).toEqual([[alert.id, 200]]);
		expect(f.sim.activity.deliveries[0].headers[DELIVERY_HEADER]).toBe(trigger.state().secret);
		// Answered with a small acknowledgement (not n8n's default body, the text "firstEntryJson").
		expect(receiver.answers).toEqual([{ status: 200, body: JSON.stringify({ received: true, events: 1 }) }]);
		expect(receiver.executions).toHaveLength(1);
		const [item] = receiver.executions[0];
		expect(Object.keys(item.json).sort()).toEqual(['error', 'has_error', 'result']);
		expect(item.json.result).toMatchObject({
			id: alert.id,
			deviceId: device.id,
			deviceName: device.displayName,
			organizationId: device.organizationId,
			organizationName: f.sim.organizations.get(device.organizationId)!.name,
			severity: 'CRITICAL',
			message: 'Memory above 95%',
			seriesUid: alert.seriesUid,
			device: { id: device.id },
		});
		// No secret in what the workflow gets.
		expect(JSON.stringify(receiver.executions)).not.toContain(String(trigger.state().secret));
	});

	it('filters what NinjaOne\'s map cannot: an ordinary alert reaches the endpoint but starts nothing for "Device Offline"', async () => {
		const trigger = make({ events: ['deviceOffline'] });
		await trigger.activate();
		f.sim.activity.alert(1);
		const offline = f.sim.activity.deviceOffline(5);
		await f.sim.activity.settled();
		expect(f.sim.activity.deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(receiver.answers.map((a) => JSON.parse(a.body))).toEqual([{ received: true, events: 0 }, { received: true, events: 1 }]);
		expect(receiver.executions.map((items) => (items[0].json.result as { id: number }).id)).toEqual([offline.id]);
	});

	it('answers 401 to a delivery without the secret or with a wrong one, and starts nothing', async () => {
		const trigger = make();
		await trigger.activate();
		const url = trigger.webhookUrl();
		const post = (headers: Record<string, string>) =>
			fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(f.sim.activity.alert(1)) });
		const missing = await post({});
		const wrong = await post({ [DELIVERY_HEADER]: 'not-the-secret' });
		const almost = await post({ [DELIVERY_HEADER]: String(trigger.state().secret).slice(0, -1) });
		await f.sim.activity.settled();
		expect([missing.status, wrong.status, almost.status]).toEqual([401, 401, 401]);
		expect(await missing.text()).not.toContain(String(trigger.state().secret));
		// Only the simulator's own (authenticated) deliveries started the workflow.
		expect(receiver.executions).toHaveLength(f.sim.activity.deliveries.length);
	});

	it('refuses every delivery once deactivated', async () => {
		const trigger = make();
		await trigger.activate();
		const secret = String(trigger.state().secret);
		await trigger.deactivate();
		const answer = await fetch(trigger.webhookUrl(), {
			method: 'POST',
			headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: secret },
			body: JSON.stringify(f.sim.activity.alert(1)),
		});
		expect(answer.status).toBe(401);
		expect(receiver.executions).toHaveLength(0);
	});
});
