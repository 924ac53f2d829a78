import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { installN8n } from '../sandbox/n8n';
import { type QueueTopology, startQueue } from '../sandbox/queue';
import { startSandbox } from '../sandbox/sandbox';
import { log } from './measure';
import type { Row } from './report';
import { quantile, ratio, seconds } from './stats';

/* Case 10: n8n's queue mode (sandbox/queue.ts, the topology the e2e suite runs): 1,000 short executions,
   each a production webhook call to the webhook processor and one NinjaOne Device > Get (interval 0)
   against the simulator at 20 ms latency, on one worker and then on two, in the same run. Figures from
   Postgres (each execution's created, started and stopped times) and, for where the time goes, the CPU
   time of every process of the topology from /proc. */

const EXECUTIONS = 1000;
const LATENCY = 20;
/** Webhook calls in flight at once: a steady queue, not 1,000 sockets at the webhook processor. */
const IN_FLIGHT = 20;
const WORKFLOW_ID = 'benchQueueGet001';

function workflow(): Record<string, unknown> {
	return {
		id: WORKFLOW_ID,
		name: 'bench: one Device > Get per webhook call',
		active: false,
		nodes: [
			{
				parameters: { httpMethod: 'POST', path: 'bench-get', responseMode: 'onReceived', options: {} },
				id: 'a0e1c2d3-0000-4000-8000-000000000001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'a0e1c2d3-0000-4000-8000-0000000000ff',
			},
			{
				parameters: { resource: 'device', operation: 'get', deviceId: '={{ $json.body.device }}', requestInterval: 0 },
				id: 'a0e1c2d3-0000-4000-8000-000000000002',
				name: 'Device',
				type: 'n8n-nodes-ninjaone.ninjaOne',
				typeVersion: 1,
				position: [220, 0],
				credentials: { ninjaOneOAuth2Api: { id: 'ninjaOneApp00001', name: 'NinjaOne (client credentials)' } },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Device', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** CPU time (user + system, ms) of a process and all its descendants, from /proc. */
function treeCpuMs(pid: number): number {
	const ticks = 100; // USER_HZ on Linux
	const stats = new Map<number, { ppid: number; cpu: number }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
			// After the name: state ppid ... utime (14th field overall) stime cutime cstime.
			const cpu = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
			stats.set(Number(entry), { ppid: Number(fields[1]), cpu });
		} catch {
			// the process ended meanwhile
		}
	}
	let total = 0;
	const visit = (p: number) => {
		total += stats.get(p)?.cpu ?? 0;
		for (const [child, s] of stats) if (s.ppid === p) visit(child);
	};
	visit(pid);
	return (total / ticks) * 1000;
}

interface ArmFigures {
	workers: number;
	wallMs: number;
	perSecond: number;
	p95RunMs: number;
	p95TotalMs: number;
	cpuMs: Record<string, number>;
}

async function arm(queue: QueueTopology, devices: number[]): Promise<ArmFigures> {
	const [[known]] = await queue.sql(`select count(*) from execution_entity where "workflowId" = '${WORKFLOW_ID}'`);
	const processes: Record<string, number> = {
		main: queue.main.child.pid!,
		'webhook processor': queue.webhook.child.pid!,
		workers: -1,
		Postgres: queue.postgres.pid,
		Redis: queue.redis.pid,
	};
	const cpu = () => {
		const figures: Record<string, number> = {};
		for (const [name, pid] of Object.entries(processes)) {
			figures[name] = name === 'workers' ? queue.workers.reduce((sum, w) => sum + treeCpuMs(w.child.pid!), 0) : treeCpuMs(pid);
		}
		return figures;
	};
	const cpuBefore = cpu();
	let next = 0;
	const send = async () => {
		while (next < EXECUTIONS) {
			const device = devices[next++ % devices.length];
			const response = await fetch(`${queue.webhookBaseUrl}/webhook/bench-get`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ device }),
			});
			if (!response.ok) throw new Error(`the webhook answered ${response.status}: ${await response.text()}`);
		}
	};
	await Promise.all(Array.from({ length: IN_FLIGHT }, send));
	const total = Number(known) + EXECUTIONS;
	for (;;) {
		const [[done, failed]] = await queue.sql(
			`select count(*) filter (where status in ('success', 'error', 'crashed')), count(*) filter (where status <> 'success') ` +
				`from execution_entity where "workflowId" = '${WORKFLOW_ID}'`,
		);
		if (Number(done) >= total) {
			if (Number(failed) > 0) throw new Error(`case 10: ${failed} executions did not succeed`);
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	const cpuAfter = cpu();
	// Times from Postgres: queued (createdAt), started on a worker, stopped.
	const rows = await queue.sql(
		`select extract(epoch from "createdAt") * 1000, extract(epoch from "startedAt") * 1000, extract(epoch from "stoppedAt") * 1000 ` +
			`from execution_entity where "workflowId" = '${WORKFLOW_ID}' order by id offset ${known}`,
	);
	const times = rows.map((row) => row.map(Number));
	const first = Math.min(...times.map(([created]) => created));
	const last = Math.max(...times.map(([, , stopped]) => stopped));
	return {
		workers: queue.workers.length,
		wallMs: last - first,
		perSecond: (EXECUTIONS / (last - first)) * 1000,
		p95RunMs: quantile(times.map(([, startedAt, stopped]) => stopped - startedAt), 0.95),
		p95TotalMs: quantile(times.map(([created, , stopped]) => stopped - created), 0.95),
		cpuMs: Object.fromEntries(Object.keys(cpuAfter).map((name) => [name, cpuAfter[name] - cpuBefore[name]])),
	};
}

/** Why case 10 cannot run here, or undefined. */
function missing(): string | undefined {
	const postgres = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(join('/usr/lib/postgresql', v, 'bin', 'postgres')));
	const redis = (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, 'redis-server')));
	if (!postgres || !redis) return 'Postgres or Redis is not installed (scripts/queue-prerequisites.sh installs both)';
	return undefined;
}

export async function queueCase(rows: Row[]): Promise<void> {
	const why = missing();
	const title = `Queue mode: ${EXECUTIONS.toLocaleString('en-US')} short executions (webhook call, one Device > Get, interval 0, latency ${LATENCY} ms) on one worker against two`;
	if (why) {
		rows.push({ id: '9', title: `${title}: not run`, measured: '–', baseline: '–', result: '–', value: NaN, target: 'report', met: null, samples: [], reps: 0, note: why });
		return;
	}
	const sandbox = await startSandbox({ ports: { ninjaOne: 0, nexthinkPortal: 0, nexthinkInfinityLogin: 0, nexthinkInfinityApi: 0, model: 0 } });
	for (const server of sandbox.apis.flatMap((api) => api.servers)) server.keepLog = false;
	sandbox.ninjaOne.server.latency = LATENCY;
	const devices = sandbox.ninjaOne.devices.slice(0, 50).map((d) => d.id as number);
	const folder = mkdtempSync(join(tmpdir(), 'bench-queue-'));
	const file = join(folder, 'workflow.json');
	writeFileSync(file, JSON.stringify(workflow()));
	log('case 10: starting Postgres, Redis, the n8n main, one worker and a webhook processor ...');
	const queue = await startQueue({ n8nDir: installN8n(), credentials: sandbox.credentials(), workflows: [{ file, publish: true }], workers: 1 });
	try {
		log(`case 10: ${EXECUTIONS} executions on one worker`);
		const one = await arm(queue, devices);
		await queue.addWorker();
		log(`case 10: ${EXECUTIONS} executions on two workers`);
		const two = await arm(queue, devices);
		const cpu = (figures: ArmFigures) =>
			Object.entries(figures.cpuMs)
				.map(([name, ms]) => `${name} ${seconds(ms)}`)
				.join(', ');
		const throughput = two.perSecond / one.perSecond;
		rows.push({
			id: '9',
			title,
			measured:
				`1 worker: ${one.perSecond.toFixed(1)} executions/s (${seconds(one.wallMs)}), p95 ${Math.round(one.p95RunMs)} ms on the worker, ${Math.round(one.p95TotalMs)} ms from the webhook call; ` +
				`2 workers: ${two.perSecond.toFixed(1)}/s (${seconds(two.wallMs)}), p95 ${Math.round(two.p95RunMs)} ms, ${Math.round(two.p95TotalMs)} ms. ` +
				`CPU with 1 worker: ${cpu(one)}; with 2: ${cpu(two)}`,
			baseline: 'the same topology with one worker, same run',
			result: `throughput 2/1 ${ratio(throughput)}; p95 on the worker ${ratio(two.p95RunMs / one.p95RunMs)}`,
			value: throughput,
			target: 'report',
			met: null,
			samples: [throughput],
			reps: 1,
			extra: { one, two },
		});
	} finally {
		await queue.stop();
		await sandbox.stop();
		rmSync(folder, { recursive: true, force: true });
	}
}
