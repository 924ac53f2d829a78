import type { ChildProcess } from 'child_process';
import { join } from 'path';

import { ensureOwner, SANDBOX_OWNER, startServer, stopServer } from '../../sandbox/n8n';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import { DELIVERY_HEADER } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneWebhookTrigger/NinjaOneWebhookTrigger.node';
import { EXAMPLES, type E2eN8n, prepareN8n, readWorkflow } from './support';

/* Both NinjaOne triggers in a real n8n (`n8n start`, the package installed as a community package,
   the workflows published through n8n's REST API), against the sandbox in this process: the webhook
   workflow registers itself with the sandbox on activation, runs when the sandbox delivers an alert
   and answers it with a JSON acknowledgement; a delivery without the secret is refused and starts
   nothing. The example's polling trigger, published again, starts from now, and a tick that comes
   while a slow poll is still running emits nothing. The webhook workflow unpublishes even when
   NinjaOne refuses the DELETE, and publishing it again registers where the API client had none left. */

const POLLING = readWorkflow(join(EXAMPLES, 'ninjaone-alert-trigger.json'));
// A device look-up of the slow poll below outlasts the poll time (a minute); the node's own request
// timeout must not end it first.
for (const node of POLLING.nodes) if (node.type === 'n8n-nodes-ninjaone.ninjaOneTrigger') node.parameters.requestTimeout = 120;
const WEBHOOK = readWorkflow(join(__dirname, 'workflows', 'webhook-trigger.json'));
const BROWSER_ID = 'e2e-trigger';

let sandbox: Sandbox;
let n8n: E2eN8n;
let server: { child: ChildProcess; url: string; output: () => string };
let cookie = '';

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(JSON.stringify(value)).slice(0, 500)}\n${server?.output().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

async function rest(path: string, post?: unknown): Promise<any> {
	const call = async () =>
		await fetch(`${server.url}/rest${path}`, {
			method: post === undefined ? 'GET' : 'POST',
			headers: { cookie, 'browser-id': BROWSER_ID, ...(post === undefined ? {} : { 'content-type': 'application/json' }) },
			body: post === undefined ? undefined : JSON.stringify(post),
		});
	// Right after its start on a busy machine, n8n may still answer 503 (its database not ready yet).
	const response = await until(call, (r) => r.status !== 503, 120_000, `n8n to answer ${path}`);
	const body = (await response.json()) as { data?: unknown };
	if (!response.ok || body.data === undefined) throw new Error(`${post === undefined ? 'GET' : 'POST'} /rest${path} answered ${response.status}: ${JSON.stringify(body)}`);
	return body.data;
}

/** Publishes the workflow's current version, as the editor's Publish button does; n8n runs the first poll before answering. */
async function publish(id: string): Promise<void> {
	const { versionId } = await rest(`/workflows/${id}`);
	await rest(`/workflows/${id}/activate`, { versionId });
}
const unpublish = async (id: string) => await rest(`/workflows/${id}/deactivate`, {});

async function login(): Promise<void> {
	const response = await fetch(`${server.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: SANDBOX_OWNER.email, password: SANDBOX_OWNER.password }),
	});
	if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
	cookie = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
}

type Execution = { id: string; status: string };
const executions = async (workflowId: string): Promise<Execution[]> =>
	(await rest(`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`)).results;
/** The execution's stored run data, as n8n keeps it (serialized). */
const runData = async (id: string): Promise<string> => JSON.stringify((await rest(`/executions/${id}`)).data);

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	n8n = await prepareN8n('trigger', sandbox.credentials(), [POLLING, WEBHOOK]);
	// A first start on a busy shared machine can take minutes (database migrations).
	server = await startServer(n8n.dir, n8n.env, { timeoutMs: 300_000 });
	await ensureOwner(server.url);
	await login();
	for (const workflow of [POLLING, WEBHOOK]) await publish(workflow.id);
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
	const webhook = await until(() => ninja.activity.webhook, (w) => w !== undefined, 120_000, 'the webhook registration');
	expect(webhook!.url).toMatch(/\/webhook\/5b8e2f1a-7c4d-4e9b-8a6f-3d2c1b0a9e87\/webhook$/);
	expect(webhook!.activities).toEqual({ CONDITION: ['TRIGGERED'] });
	expect(webhook!.headers).toEqual([{ name: DELIVERY_HEADER, value: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
	expect(await executions(WEBHOOK.id)).toEqual([]);

	const device = ninja.devices.find((d) => !d.offline && d.approvalStatus === 'APPROVED')!;
	const alert = ninja.activity.alert(device.id, 'e2e: disk almost full', 'CRITICAL');
	await ninja.activity.settled();
	expect(ninja.activity.deliveries.map((d) => [d.activityId, d.status])).toEqual([[alert.id, 200]]);
	expect(JSON.parse(ninja.activity.deliveries[0].response!)).toEqual({ received: true, events: 1 });

	const [run] = await until(() => executions(WEBHOOK.id), (list) => list.length > 0 && list[0].status === 'success', 60_000, 'the webhook execution');
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

/** The polling workflow's executions whose stored run data contains `text`, once none is running. */
async function pollRunsWith(text: string): Promise<Execution[]> {
	const list = await until(() => executions(POLLING.id), (l) => l.every((run) => run.status !== 'running'), 60_000, 'the polls to finish');
	const found: Execution[] = [];
	for (const run of list) if ((await runData(run.id)).includes(text)) found.push(run);
	return found;
}

const startPolls = () => sandbox.ninjaOne.server.requests('GET /v2/activities').filter((r) => r.query.get('pageSize') === '10').length;

test('a tick during a poll that outlasts the poll time emits nothing: the event is emitted once', async () => {
	const ninja = sandbox.ninjaOne;
	await until(startPolls, (n) => n > 0, 60_000, 'the activation poll');
	const slow = ninja.devices.filter((d) => !d.offline && d.approvalStatus === 'APPROVED')[1];
	// The next tick's poll looks the alert's device up for longer than a minute: the tick after it
	// starts another poll meanwhile.
	ninja.server.faults.push({ route: `GET /v2/device/${slow.id}`, kind: 'slow', delay: 65_000, times: 1 });
	const alert = ninja.activity.alert(slow.id, 'e2e: slow poll', 'CRITICAL');
	await until(() => ninja.server.faults[0].fired ?? 0, (fired) => fired === 1, 90_000, 'the slow device look-up');
	const lookupStarted = Date.now();
	await until(() => pollRunsWith('e2e: slow poll'), (runs) => runs.length > 0 && Date.now() - lookupStarted > 65_000, 150_000, 'the slow poll\'s execution');
	const runs = await pollRunsWith(String(alert.seriesUid));
	expect(runs).toHaveLength(1);
	expect(runs[0].status).toBe('success');
	ninja.server.faults = [];
}, 300_000);

test('published again, the polling trigger starts from now: what happened while unpublished is not emitted', async () => {
	const ninja = sandbox.ninjaOne;
	const device = ninja.devices.find((d) => !d.offline && d.approvalStatus === 'APPROVED')!;
	await unpublish(POLLING.id);
	ninja.activity.alert(device.id, 'e2e: while unpublished', 'MAJOR');
	const startPollsBefore = startPolls();
	await publish(POLLING.id);
	// The activation's own poll (it records where "now" is) may come just after n8n answers.
	await until(startPolls, (n) => n > startPollsBefore, 60_000, 'the activation poll');
	ninja.activity.alert(device.id, 'e2e: after publishing', 'CRITICAL');
	await until(() => pollRunsWith('e2e: after publishing'), (runs) => runs.length > 0, 150_000, 'the next poll\'s execution');
	expect(await pollRunsWith('e2e: while unpublished')).toEqual([]);
}, 300_000);

test('unpublishing survives NinjaOne refusing the DELETE; publishing again registers where "Listen for test event" left no webhook', async () => {
	const ninja = sandbox.ninjaOne;
	const webhookUrl = ninja.activity.webhook!.url;
	const runsBefore = (await executions(WEBHOOK.id)).length;
	ninja.server.faults.push({ route: 'DELETE /v2/webhook', kind: 'status', status: 500, times: 1, body: { resultCode: 'SERVER_ERROR', errorMessage: 'Internal error' } });
	await unpublish(WEBHOOK.id);
	// n8n may remove the webhook just after it answers.
	await until(() => ninja.server.faults[0].fired ?? 0, (fired) => fired === 1, 60_000, 'the refused DELETE /v2/webhook');
	// What "Listen for test event" leaves: the API client's one webhook replaced by the test URL, then deleted.
	ninja.activity.webhook = undefined;

	await publish(WEBHOOK.id);
	const webhook = await until(() => ninja.activity.webhook, (w) => w?.url === webhookUrl, 60_000, 'the webhook registered again');
	expect(webhook!.headers).toEqual([{ name: DELIVERY_HEADER, value: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
	const deliveriesBefore = ninja.activity.deliveries.length;
	const device = ninja.devices.find((d) => !d.offline && d.approvalStatus === 'APPROVED')!;
	ninja.activity.alert(device.id, 'e2e: published again', 'CRITICAL');
	await ninja.activity.settled();
	expect(ninja.activity.deliveries.slice(deliveriesBefore).map((d) => d.status)).toEqual([200]);
	await until(() => executions(WEBHOOK.id), (l) => l.length > runsBefore, 60_000, 'the webhook execution after publishing again');
	ninja.server.faults = [];
});
