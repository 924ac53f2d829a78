import { type ChildProcess, execFile, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { connect } from 'net';
import { tmpdir, userInfo } from 'os';
import { join } from 'path';
import { promisify } from 'util';

import { cli, freePort, installPackages, n8nEnv, type N8nProcess, startServer, stopServer } from './n8n';
import type { N8nCredential } from './sandbox';

/* n8n's queue mode on this machine, as the e2e suite (test/e2e/queue.e2e.ts), `npm run dev -- --queue`
   and the benchmark run it: Postgres and Redis from Debian's packages started as our own processes,
   one `n8n start` main, `n8n worker` processes and one `n8n webhook` processor, each with its own user
   folder holding both packages (installed as n8n installs community packages), all on 127.0.0.1 with
   free ports, data in one temporary folder, every process stopped by its PID. */

const run = promisify(execFile);

/** Set on the workers' environment: a workflow can record which process ran it (`$env.N8N_QUEUE_PROCESS`). */
export const PROCESS_NAME_VARIABLE = 'N8N_QUEUE_PROCESS';

export interface QueueOptions {
	n8nDir: string;
	/** n8n credentials to import (encrypted with the topology's key). */
	credentials: N8nCredential[];
	/** Workflow files (JSON with their own `id`) to import, and which of them to publish. */
	workflows?: Array<{ file: string; publish?: boolean }>;
	workers?: number;
	/** Executions one worker runs at once (n8n's default 10). */
	concurrency?: number;
	/** The main's editor port (default: a free one). */
	mainPort?: number;
	/** Where the data goes (default: a new temporary folder, removed by stop()). */
	root?: string;
	echo?: boolean;
	/** Added to every n8n process's environment. */
	env?: NodeJS.ProcessEnv;
}

export interface QueueProcess extends N8nProcess {
	name: string;
	env: NodeJS.ProcessEnv;
}

export interface QueueTopology {
	root: string;
	main: QueueProcess;
	workers: QueueProcess[];
	webhook: QueueProcess;
	/** Where production webhooks are called: the webhook processor. */
	webhookBaseUrl: string;
	postgres: { port: number; pid: number };
	redis: { port: number; pid: number };
	/** Runs SQL on n8n's database; the rows, each a list of column texts. */
	sql(query: string): Promise<string[][]>;
	restartMain(): Promise<void>;
	/** SIGKILL to one worker (by name, e.g. "worker-2"), by its PID; resolves once it is gone. */
	killWorker(name: string): Promise<void>;
	/** Starts one more worker (e.g. after one was killed). */
	addWorker(): Promise<QueueProcess>;
	stop(): Promise<void>;
}

/** The newest Postgres server binaries of Debian's packages. */
function postgresBin(): string {
	const base = '/usr/lib/postgresql';
	const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'postgres'))) : [];
	if (versions.length === 0) throw new Error('Postgres is not installed: run scripts/queue-prerequisites.sh (Debian: apt-get install postgresql)');
	return join(base, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** Postgres refuses to run as root: as root, its commands run as the `postgres` user of Debian's package. */
function asPostgres(command: string, args: string[]): [string, string[]] {
	return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitFor(what: string, check: () => Promise<boolean>, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode})\n${output()}`);
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${what} did not start in time\n${output()}`);
}

function spawnKept(command: string, args: string[]): { child: ChildProcess; output: () => string } {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return { child, output: () => output };
}

function portAnswers(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals, graceMs = 15_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	child.kill(signal);
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

async function startPostgres(dir: string): Promise<{ port: number; child: ChildProcess; sql: QueueTopology['sql']; stop: () => Promise<void> }> {
	const bin = postgresBin();
	mkdirSync(dir);
	if (userInfo().uid === 0) {
		const ids = await run('id', ['-u', 'postgres']).then(async (uid) => [Number(uid.stdout), Number((await run('id', ['-g', 'postgres'])).stdout)]);
		chownSync(dir, ids[0], ids[1]);
	}
	const [initdb, initArgs] = asPostgres(join(bin, 'initdb'), ['-D', dir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	await run(initdb, initArgs);
	const port = await freePort();
	// A throwaway database: no fsync; its socket file in its own folder, not the system's.
	const [command, args] = asPostgres(join(bin, 'postgres'), [
		'-D', dir, '-p', String(port), '-h', '127.0.0.1', '-k', dir,
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
	]);
	const { child, output } = spawnKept(command, args);
	const psql = async (database: string, query: string) =>
		(await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', database, '-XAt', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', query], { maxBuffer: 1 << 28 })).stdout;
	await waitFor('postgres', async () => (await psql('postgres', 'select 1').catch(() => '')).trim() === '1', child, output);
	await psql('postgres', 'create database n8n');
	return {
		port,
		child,
		sql: async (query) =>
			(await psql('n8n', query))
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t')),
		// The postmaster (a child of runuser when we are root) stops on SIGINT: "fast" shutdown.
		stop: async () => {
			const pidFile = join(dir, 'postmaster.pid');
			const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : undefined;
			if (pid && child.exitCode === null) {
				const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
				process.kill(pid, 'SIGINT');
				const timer = setTimeout(() => process.kill(pid, 'SIGKILL'), 15_000);
				await exited;
				clearTimeout(timer);
			}
		},
	};
}

async function startRedis(dir: string): Promise<{ port: number; child: ChildProcess }> {
	mkdirSync(dir);
	const port = await freePort();
	const { child, output } = spawnKept('redis-server', [
		'--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir,
	]);
	child.on('error', () => undefined);
	await waitFor('redis-server', () => portAnswers(port), child, output);
	return { port, child };
}

/** Starts the whole topology; on failure, stops what was started. */
export async function startQueue(options: QueueOptions): Promise<QueueTopology> {
	const { n8nDir, workers: workerCount = 2, concurrency = 10, echo = false } = options;
	const root = options.root ?? mkdtempSync(join(tmpdir(), 'n8n-queue-'));
	const removeRoot = options.root === undefined;
	// The postgres user must reach its data folder inside.
	chmodSync(root, 0o755);
	const stops: Array<() => Promise<void>> = [];
	const stopAll = async () => {
		for (const stop of stops.reverse()) await stop().catch(() => undefined);
		stops.length = 0;
		if (removeRoot) rmSync(root, { recursive: true, force: true });
	};
	try {
		const postgres = await startPostgres(join(root, 'postgres'));
		stops.push(postgres.stop);
		const redis = await startRedis(join(root, 'redis'));
		stops.push(() => stopChild(redis.child, 'SIGTERM'));

		const mainPort = options.mainPort ?? (await freePort());
		const webhookPort = await freePort();
		const webhookBaseUrl = `http://localhost:${webhookPort}`;
		const shared: NodeJS.ProcessEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: 'n8n',
			// Every process decrypts the same credentials.
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			// Production webhooks are registered with, and answered by, the webhook processor only.
			N8N_WEBHOOK_URL: `${webhookBaseUrl}/`,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			// A killed worker's job is found stalled within seconds, not n8n's default 30 s.
			QUEUE_WORKER_LOCK_DURATION: '5000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '1',
			// Lets a workflow read N8N_QUEUE_PROCESS (which process ran it).
			N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
			...options.env,
		};
		const folder = (name: string) => join(root, name);
		const processEnv = async (name: string, port: number): Promise<NodeJS.ProcessEnv> => ({
			...n8nEnv({ userFolder: folder(name), port, brokerPort: await freePort() }),
			...shared,
			N8N_EDITOR_BASE_URL: `http://localhost:${mainPort}`,
			[PROCESS_NAME_VARIABLE]: name,
		});
		const names = ['main', 'webhook', ...Array.from({ length: workerCount }, (_, i) => `worker-${i + 1}`)];
		for (const name of names) mkdirSync(folder(name));
		installPackages(...names.map(folder));

		const mainEnv = await processEnv('main', mainPort);
		const credentialsFile = join(root, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(options.credentials), { mode: 0o600 });
		try {
			await cli(n8nDir, mainEnv, ['import:credentials', `--input=${credentialsFile}`]);
		} finally {
			rmSync(credentialsFile, { force: true });
		}
		const published: string[] = [];
		const withWebhooks: string[] = [];
		if (options.workflows?.length) {
			// One import for all (each n8n CLI call takes many seconds on a busy machine).
			const dir = join(root, 'workflows');
			mkdirSync(dir);
			for (const { file, publish } of options.workflows) {
				const workflow = JSON.parse(readFileSync(file, 'utf8'));
				writeFileSync(join(dir, `${workflow.id}.json`), JSON.stringify(workflow));
				if (!publish) continue;
				const id = String(workflow.id).replace(/'/g, "''");
				published.push(id);
				if ((workflow.nodes as Array<{ webhookId?: string }>).some((node) => node.webhookId)) withWebhooks.push(id);
			}
			await cli(n8nDir, mainEnv, ['import:workflow', '--separate', `--input=${dir}`]);
			// What `n8n publish:workflow` writes (its current version made the active one), for all at once;
			// the main activates them when it starts.
			if (published.length > 0) {
				await postgres.sql(
					`update workflow_entity set active = true, "activeVersionId" = "versionId" where id in (${published.map((id) => `'${id}'`).join(', ')})`,
				);
			}
		}

		const startProcess = async (name: string, command: string[], env: NodeJS.ProcessEnv, readyUrl?: string): Promise<QueueProcess> => {
			// Several n8n processes starting at once on a busy machine take minutes, not seconds.
			const started = await startServer(n8nDir, env, { command, readyUrl, echo, name, timeoutMs: 300_000 });
			const proc: QueueProcess = { ...started, name, env };
			stops.push(() => stopServer(proc.child));
			return proc;
		};
		let main = await startProcess('main', ['start'], mainEnv);
		// The main answers before it has activated the published workflows; a production webhook works
		// once the main has stored it in the database.
		const list = withWebhooks.map((id) => `'${id}'`).join(', ');
		await waitFor(
			'the webhooks of the published workflows',
			async () => withWebhooks.length === 0 || Number((await postgres.sql(`select count(distinct "workflowId") from webhook_entity where "workflowId" in (${list})`))[0][0]) === withWebhooks.length,
			main.child,
			main.output,
			300_000,
		);
		const webhookEnv = await processEnv('webhook', webhookPort);
		let workerNumber = 0;
		const addWorker = async () => {
			workerNumber++;
			const name = `worker-${workerNumber}`;
			if (!existsSync(join(folder(name), '.n8n'))) {
				mkdirSync(folder(name), { recursive: true });
				installPackages(folder(name));
			}
			// A worker answers only its health check, on a port of its own.
			const healthPort = await freePort();
			const env = { ...(await processEnv(name, healthPort)), QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) };
			const worker = await startProcess(name, ['worker', `--concurrency=${concurrency}`], env, `http://127.0.0.1:${healthPort}/healthz/readiness`);
			workers.push(worker);
			return worker;
		};
		const workers: QueueProcess[] = [];
		// The main has run n8n's migrations; the others start side by side.
		const [webhook] = await Promise.all([
			startProcess('webhook', ['webhook'], webhookEnv, `http://127.0.0.1:${webhookPort}/healthz`),
			...Array.from({ length: workerCount }, addWorker),
		]);

		const topology: QueueTopology = {
			root,
			get main() {
				return main;
			},
			workers,
			webhook,
			webhookBaseUrl,
			postgres: { port: postgres.port, pid: postgres.child.pid! },
			redis: { port: redis.port, pid: redis.child.pid! },
			sql: postgres.sql,
			async restartMain() {
				await stopServer(main.child);
				main = await startProcess('main', ['start'], mainEnv);
			},
			async killWorker(name) {
				const worker = workers.find((w) => w.name === name);
				if (!worker) throw new Error(`no worker named ${name}`);
				const exited = new Promise<void>((resolve) => worker.child.once('exit', () => resolve()));
				process.kill(worker.child.pid!, 'SIGKILL');
				await exited;
			},
			addWorker,
			stop: stopAll,
		};
		return topology;
	} catch (error) {
		await stopAll();
		throw error;
	}
}
