import { join } from 'path';

import { stopServer } from '../../sandbox/n8n';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import { DELIVERY_HEADER } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneWebhookTrigger/NinjaOneWebhookTrigger.node';
import { EXAMPLES, executionsOf, type PublishedN8n, readWorkflow, startPublished, until } from './support';

/* Both NinjaOne triggers in a real n8n (`n8n start`, the package installed as a community package),
   against the sandbox in this process: the webhook workflow registers itself with the sandbox on
   activation and runs when the sandbox delivers an alert; a delivery without the secret is refused
   and starts nothing; the example's polling trigger picks the same alert up on its next poll. */

const POLLING = readWorkflow(join(EXAMPLES, 'ninjaone-alert-trigger.json'));
const WEBHOOK = readWorkflow(join(__dirname, 'workflows', 'webhook-trigger.json'));

let sandbox: Sandbox;
let server: PublishedN8n['server'];

let rest: (path: string) => Promise<any>;

const wait = <T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number, what: string) =>
	until(read, done, timeoutMs, what, () => server?.output() ?? '');
const executions = (workflowId: string) => executionsOf(rest, workflowId);
/** The execution's stored run data, as n8n keeps it (serialized). */
const runData = async (id: string): Promise<string> => JSON.stringify((await rest(`/executions/${id}`)).data);

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	({ server, rest } = await startPublished('trigger', sandbox.credentials(), [POLLING, WEBHOOK]));
}, 900_000);

afterAll(async () => {
	if (server) await stopServer(server.child);
	await sandbox?.stop();
});

afterEach(() => {
	for (const api of sandbox.apis) expect(api.violations).toEqual([]);
});

test('activation registers the webhook with a secret header; an alert from the sandbox starts the workflow', async () => {
	const ninja = sandbox.ninjaOne;
	const webhook = await wait(() => ninja.activity.webhook, (w) => w !== undefined, 120_000, 'the webhook registration');
	expect(webhook!.url).toMatch(/\/webhook\/5b8e2f1a-7c4d-4e9b-8a6f-3d2c1b0a9e87\/webhook$/);
	expect(webhook!.activities).toEqual({ CONDITION: ['TRIGGERED'] });
	expect(webhook!.headers).toEqual([{ name: DELIVERY_HEADER, value: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
	expect(await executions(WEBHOOK.id)).toEqual([]);

	const device = ninja.devices.find((d) => !d.offline && d.approvalStatus === 'APPROVED')!;
	const alert = ninja.activity.alert(device.id, 'e2e: disk almost full', 'CRITICAL');
	await ninja.activity.settled();
	expect(ninja.activity.deliveries.map((d) => [d.activityId, d.status])).toEqual([[alert.id, 200]]);

	const [run] = await wait(() => executions(WEBHOOK.id), (list) => list.length > 0 && list[0].status === 'success', 60_000, 'the webhook execution');
	const data = await runData(run.id);
	expect(data).toContain('e2e: disk almost full');
	expect(data).toContain(device.displayName);
	expect(data).not.toContain(String(webhook!.headers[0].value));
});

test('a delivery without the secret, or with a wrong one, is refused (401) and starts nothing', async () => {
	const webhook = sandbox.ninjaOne.activity.webhook!;
	const before = (await executions(WEBHOOK.id)).length;
	const forged = { id: 999_999, activityType: 'CONDITION', statusCode: 'TRIGGERED', message: 'forged', deviceId: 1 };
	const attempts: Array<Record<string, string>> = [{}, { [DELIVERY_HEADER]: 'guessed' }];
	for (const headers of attempts) {
		const answer = await fetch(webhook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(forged),
		});
		expect(answer.status).toBe(401);
	}
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(await executions(WEBHOOK.id)).toHaveLength(before);
});

test('the example\'s polling trigger emits the new alert on its next poll, once', async () => {
	const alert = sandbox.ninjaOne.activity.activities.filter((a) => a.message === 'e2e: disk almost full').pop()!;
	const [run] = await wait(() => executions(POLLING.id), (list) => list.length > 0 && list[0].status !== 'running', 150_000, 'a poll of the NinjaOne Trigger');
	expect(run.status).toBe('success');
	const data = await runData(run.id);
	expect(data).toContain('e2e: disk almost full');
	expect(data).toContain(String(alert.seriesUid));
	// The seeded history before activation started nothing: one execution, for the one new alert.
	expect(await executions(POLLING.id)).toHaveLength(1);
}, 300_000);
