import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { installN8n } from '../../sandbox/n8n';
import { PROCESS_NAME_VARIABLE, type QueueTopology, startQueue } from '../../sandbox/queue';
import { type Sandbox, startSandbox } from '../../sandbox/sandbox';
import type { SimRequest } from '../../simulator/server';
import { DELIVERY_HEADER } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOneWebhookTrigger/NinjaOneWebhookTrigger.node';
import { EXAMPLES, OUTPUT, readWorkflow, type Workflow } from './support';

/* Both packages in n8n's queue mode (sandbox/queue.ts): Postgres, Redis, one main, two workers and a
   webhook processor, started once for every scenario below, against the sandbox in this process.
   Every check counts: executions and their data read from Postgres, requests from the simulator's log.
   Each worker runs one execution at a time, so that two executions started together run on both. */

const INTERVAL = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Adds a Set node "Ran on" right after the trigger: which process ran the execution ($env, per process). */
function withRanOn(workflow: Workflow): Workflow {
	const copy: Workflow = JSON.parse(JSON.stringify(workflow));
	const trigger = copy.nodes.find((node) => /trigger|webhook/i.test(node.type))!;
	copy.nodes.push({
		id: `${copy.id}-ran-on`,
		name: 'Ran on',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [trigger.position[0] + 100, trigger.position[1] + 200],
		parameters: {
			assignments: { assignments: [{ id: 'ran-on', name: 'process', type: 'string', value: `={{ $env.${PROCESS_NAME_VARIABLE} }}` }] },
			includeOtherFields: true,
			options: {},
		},
	});
	const next = copy.connections[trigger.name]?.main[0] ?? [];
	copy.connections[trigger.name] = { main: [[{ node: 'Ran on', type: 'main', index: 0 }]] };
	copy.connections['Ran on'] = { main: [next] };
	// Saved after each node, so that a running execution shows in Postgres where it runs.
	copy.settings = { ...(copy.settings as object), saveExecutionProgress: true };
	return copy;
}

const REBOOT = withRanOn(readWorkflow(join(__dirname, 'workflows', 'queue-reboot.json')));
const POLLING = withRanOn(readWorkflow(join(EXAMPLES, 'ninjaone-alert-trigger.json')));
const WEBHOOK = withRanOn(readWorkflow(join(__dirname, 'workflows', 'webhook-trigger.json')));
const WORKERS = ['worker-1', 'worker-2'];

let sandbox: Sandbox;
let queue: QueueTopology;

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 800)}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** n8n's stored run data is "flatted": an array whose first entry is the root, references as index strings. */
function unflatten(text: string): any {
	const input: unknown[] = JSON.parse(text);
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const value = input[index];
		if (typeof value !== 'object' || value === null) return value;
		const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, out);
		for (const [key, ref] of Object.entries(value)) (out as Record<string, unknown>)[key] = typeof ref === 'string' ? revive(Number(ref)) : ref;
		return out;
	};
	return revive(0);
}

interface StoredExecution {
	id: string;
	status: string;
	/** The items each node put on its first output, by node name (empty while not stored). */
	output: Record<string, Array<{ json: any }>>;
	process?: string;
}

/** A workflow's executions as Postgres holds them, oldest first. */
async function executions(workflowId: string): Promise<StoredExecution[]> {
	const rows = await queue.sql(
		`select e.id, e.status, coalesce(d.data, '') from execution_entity e left join execution_data d on d."executionId" = e.id ` +
			`where e."workflowId" = '${workflowId}' order by e.id`,
	);
	return rows.map(([id, status, data]) => {
		const runData = data ? (unflatten(data).resultData?.runData ?? {}) : {};
		const output = Object.fromEntries(Object.entries(runData).map(([node, runs]: [string, any]) => [node, runs[0]?.data?.main?.[0] ?? []]));
		return { id, status, output, process: output['Ran on']?.[0]?.json.process };
	});
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);
const finished = (list: StoredExecution[]) => list.filter((e) => FINAL.has(e.status));

/** The workflow's executions once `count` of them after `known` have finished. */
async function newExecutions(workflowId: string, known: number, count: number, timeoutMs = 180_000): Promise<StoredExecution[]> {
	const list = await until(() => executions(workflowId), (all) => finished(all.slice(known)).length >= count, timeoutMs, `${count} executions of ${workflowId}`);
	return list.slice(known);
}

/** Starts the reboot workflow through its production webhook, at the webhook processor. */
async function startReboot(run: string, devices: number, interval: number): Promise<void> {
	const response = await fetch(`${queue.webhookBaseUrl}/webhook/queue-reboot`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ run, devices, interval }),
	});
	expect(response.status).toBe(200);
}

/** The reboot requests of one run (its reason), as the simulator received them. */
const reboots = (run: string): SimRequest[] =>
	sandbox.ninjaOne.server.requests(/^POST \/v2\/device\/\d+\/reboot\//).filter((r) => (r.body as { reason?: string })?.reason === run);

/** The run a reboot execution was started for (the webhook's body). */
const runOf = (execution: StoredExecution): string => execution.output.Webhook?.[0]?.json.body.run;

/** The items of node `node`, each an envelope `{has_error, error, result}` and nothing else. */
function envelopes(execution: StoredExecution, node: string): Array<{ has_error: boolean; error: unknown; result: any }> {
	return execution.output[node].map(({ json }) => {
		expect(Object.keys(json).sort()).toEqual(['error', 'has_error', 'result']);
		return json;
	});
}

const alertMessages = (execution: StoredExecution): string[] => (execution.output['Ticket request'] ?? []).map((item) => item.json.title as string);

/** The trigger's cursor in the workflow's static data, as Postgres holds it. */
async function pollCursor(): Promise<number | undefined> {
	const [[staticData] = []] = await queue.sql(`select coalesce("staticData"::text, '') from workflow_entity where id = '${POLLING.id}'`);
	if (!staticData) return undefined;
	return (JSON.parse(staticData) as Record<string, { lastActivityId?: number }>)['node:Alert triggered']?.lastActivityId;
}

beforeAll(async () => {
	sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	const folder = join(OUTPUT, 'queue');
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const workflows = [REBOOT, POLLING, WEBHOOK].map((workflow) => {
		const file = join(folder, `${workflow.id}.json`);
		writeFileSync(file, JSON.stringify(workflow, null, '\t'));
		return { file, publish: true };
	});
	queue = await startQueue({ n8nDir: installN8n(), credentials: sandbox.credentials(), workflows, workers: WORKERS.length, concurrency: 1 });
	// The trigger's first poll (at activation) stores where it starts in Postgres.
	await until(pollCursor, (cursor) => typeof cursor === 'number', 120_000, 'the first poll of the NinjaOne Trigger');
}, 900_000);

afterAll(async () => {
	await queue?.stop();
	await sandbox?.stop();
});

afterEach(() => {
	for (const api of sandbox.apis) expect(api.violations).toEqual([]);
});

test('40 webhook executions run on both workers: every one succeeds, every envelope is right, each keeps its Request Interval', async () => {
	const runs = Array.from({ length: 40 }, (_, i) => `scale-${i + 1}`);
	await Promise.all(runs.map((run) => startReboot(run, 3, INTERVAL)));
	const list = await newExecutions(REBOOT.id, 0, runs.length);

	expect(list.map((e) => e.status)).toEqual(runs.map(() => 'success'));
	expect(list.map(runOf).sort()).toEqual([...runs].sort());
	const perWorker = WORKERS.map((worker) => list.filter((e) => e.process === worker).length);
	expect(perWorker.reduce((a, b) => a + b)).toBe(runs.length);
	for (const count of perWorker) expect(count).toBeGreaterThan(0);

	const gaps: number[] = [];
	for (const execution of list) {
		const listed = envelopes(execution, 'Online devices');
		expect(listed).toHaveLength(3);
		const rebooted = envelopes(execution, 'Reboot');
		expect(rebooted.map((e) => [e.has_error, e.error])).toEqual(listed.map(() => [false, null]));
		expect(rebooted.map((e) => e.result.deviceId)).toEqual(listed.map((e) => e.result.id));
		// At the simulator: three reboots of this run, each once, at least the interval apart.
		const sent = reboots(runOf(execution));
		expect(sent.map((r) => r.status)).toEqual([204, 204, 204]);
		gaps.push(...sent.slice(1).map((r, i) => r.at - sent[i].at));
	}
	// The throttle spaces the starts at the worker; on the way to the simulator a busy machine (five n8n
	// processes, Postgres and Redis on 2 shared cores) can delay one request by tens of ms and so shorten
	// the next gap, never the gaps as a whole: each gap is far from the few ms of an unthrottled loop,
	// and the typical one is the interval.
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL / 2);
	expect(median(gaps)).toBeGreaterThanOrEqual(INTERVAL - 2);
	expect(sandbox.ninjaOne.reboots.filter((r) => runs.includes(r.reason))).toHaveLength(runs.length * 3);
}, 600_000);

test('webhook trigger: registered with the production URL of the webhook processor; a delivery runs once there, one without the secret is refused', async () => {
	const ninja = sandbox.ninjaOne;
	const webhook = ninja.activity.webhook!;
	expect(ninja.activity.webhookChanges.filter((c) => c.method === 'PUT').length).toBeGreaterThanOrEqual(1);
	expect(webhook.url).toBe(`${queue.webhookBaseUrl}/webhook/5b8e2f1a-7c4d-4e9b-8a6f-3d2c1b0a9e87/webhook`);
	expect(webhook.url).not.toContain(`:${queue.main.env.N8N_PORT}/`);
	const before = (await executions(WEBHOOK.id)).length;

	const devices = ninja.devices.filter((d) => !d.offline && d.approvalStatus === 'APPROVED');
	const alerts = [ninja.activity.alert(devices[0].id, 'queue: webhook 1', 'CRITICAL'), ninja.activity.alert(devices[1].id, 'queue: webhook 2', 'MAJOR')];
	await ninja.activity.settled();
	expect(ninja.activity.deliveries.filter((d) => alerts.some((a) => a.id === d.activityId)).map((d) => d.status)).toEqual([200, 200]);
	const list = await newExecutions(WEBHOOK.id, before, alerts.length);
	expect(list.map((e) => e.status)).toEqual(['success', 'success']);
	expect(list.map((e) => e.output['NinjaOne alert'][0].json.result.message).sort()).toEqual(['queue: webhook 1', 'queue: webhook 2']);
	for (const execution of list) expect(WORKERS).toContain(execution.process);

	// Without the secret, or with a wrong one: 401, and nothing runs. The main takes no production webhooks.
	for (const headers of [{}, { [DELIVERY_HEADER]: 'guessed' }] as Array<Record<string, string>>) {
		const answer = await fetch(webhook.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify({ id: 999_999, activityType: 'CONDITION', statusCode: 'TRIGGERED', message: 'forged', deviceId: 1 }),
		});
		expect(answer.status).toBe(401);
	}
	const secret = String(webhook.headers[0].value);
	const atMain = await fetch(webhook.url.replace(queue.webhookBaseUrl, `http://127.0.0.1:${queue.main.env.N8N_PORT}`), {
		method: 'POST',
		headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: secret },
		body: JSON.stringify({ id: 999_998, activityType: 'CONDITION', statusCode: 'TRIGGERED', message: 'at main', deviceId: 1 }),
	});
	expect(atMain.ok).toBe(false);
	await new Promise((resolve) => setTimeout(resolve, 3000));
	expect(await executions(WEBHOOK.id)).toHaveLength(before + alerts.length);
}, 300_000);

test('polling trigger on main, executions on the workers: each event emitted once across a restart of main; the cursor is in Postgres', async () => {
	const ninja = sandbox.ninjaOne;
	const device = ninja.devices.find((d) => !d.offline && d.approvalStatus === 'APPROVED')!;
	const fire = (message: string) => ninja.activity.alert(device.id, message, 'MAJOR');
	const emittedOnce = async (messages: string[]) => {
		const list = await until(
			() => executions(POLLING.id),
			(all) => messages.every((m) => all.some((e) => FINAL.has(e.status) && alertMessages(e).some((title) => title.endsWith(`: ${m}`)))),
			150_000,
			`the trigger to emit ${messages.join(', ')}`,
		);
		for (const message of messages) expect(list.flatMap(alertMessages).filter((title) => title.endsWith(`: ${message}`))).toHaveLength(1);
		return list;
	};

	const first = [fire('queue: poll A1'), fire('queue: poll A2')];
	await emittedOnce(['queue: poll A1', 'queue: poll A2']);
	const cursorBefore = await pollCursor();
	expect(cursorBefore).toBeGreaterThanOrEqual(first[1].id);

	// Main goes down with an event not yet polled, another arrives while it is down.
	fire('queue: poll B1');
	await queue.restartMain();
	fire('queue: poll B2');
	await emittedOnce(['queue: poll B1', 'queue: poll B2']);
	const last = fire('queue: poll C1');
	await emittedOnce(['queue: poll A1', 'queue: poll A2', 'queue: poll B1', 'queue: poll B2', 'queue: poll C1']);

	expect(await pollCursor()).toBeGreaterThanOrEqual(last.id);
	const list = await until(() => executions(POLLING.id), (all) => all.every((e) => FINAL.has(e.status)), 120_000, "the trigger's executions to finish");
	expect(list.map((e) => e.status)).toEqual(list.map(() => 'success'));
	// Main polls; the executions ran on the workers.
	for (const execution of list) expect(WORKERS).toContain(execution.process);
}, 600_000);

test('two workers call one tenant at once under a rate limit: 429 and Retry-After honoured, every reboot sent once, none lost', async () => {
	const ninja = sandbox.ninjaOne;
	const before = (await executions(REBOOT.id)).length;
	ninja.rateLimit = { requests: 5, perMs: 1000 };
	ninja.rateLimited = 0;
	try {
		const runs = ['limited-a', 'limited-b'];
		await Promise.all(runs.map((run) => startReboot(run, 6, 150)));
		const list = await newExecutions(REBOOT.id, before, runs.length);
		expect(list.map((e) => e.status)).toEqual(['success', 'success']);
		// Both workers at once.
		expect(list.map((e) => e.process).sort()).toEqual(WORKERS);
		expect(ninja.rateLimited).toBeGreaterThan(0);
		for (const execution of list) {
			const run = runOf(execution);
			const rebooted = envelopes(execution, 'Reboot');
			expect(rebooted.map((e) => e.has_error)).toEqual(Array(6).fill(false));
			// Every device rebooted once for this run: a 429 was not processed, the retry was.
			const devices = rebooted.map((e) => e.result.deviceId as number);
			expect(ninja.reboots.filter((r) => r.reason === run).map((r) => r.deviceId)).toEqual(devices);
			const sent = reboots(run);
			expect(sent.filter((r) => r.status === 204)).toHaveLength(6);
			expect(sent.every((r) => r.status === 204 || r.status === 429)).toBe(true);
		}
	} finally {
		ninja.rateLimit = undefined;
	}
}, 300_000);

test('a worker killed mid-execution: n8n ends the execution failed (error or crashed), and no request of it is sent again', async () => {
	const before = (await executions(REBOOT.id)).length;
	const run = 'killed';
	await startReboot(run, 20, 300);
	await until(() => reboots(run).length, (n) => n >= 3, 120_000, 'the third reboot of the run');
	const [running] = (await executions(REBOOT.id)).slice(before);
	expect(running.status).toBe('running');
	expect(WORKERS).toContain(running.process);
	await queue.killWorker(running.process!);
	const sentBeforeKill = reboots(run).length;
	expect(sentBeforeKill).toBeLessThan(20);

	// n8n's answer to the lost job: Bull fails it once its lock runs out (n8n sets maxStalledCount 0: no
	// retry). The process that queued it (here the webhook processor) then stores the execution as
	// "error" (job stalled); if the main's queue recovery finds it first, as "crashed". Either way it ends.
	const [settled] = await until(
		async () => (await executions(REBOOT.id)).slice(before),
		(list) => list.length === 1 && list[0].status !== 'running' && list[0].status !== 'new',
		240_000,
		'n8n to settle the killed execution',
	);
	expect(['error', 'crashed']).toContain(settled.status);
	// The other worker is alive and idle; nothing of the run was sent again.
	await new Promise((resolve) => setTimeout(resolve, 10_000));
	expect(reboots(run)).toHaveLength(sentBeforeKill);
	const devices = sandbox.ninjaOne.reboots.filter((r) => r.reason === run).map((r) => r.deviceId);
	expect(new Set(devices).size).toBe(devices.length);
	expect(await executions(REBOOT.id)).toHaveLength(before + 1);
}, 400_000);
