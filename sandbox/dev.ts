import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import {
	cli,
	ensureOwner,
	installN8n,
	installPackages,
	n8nEnv,
	PACKAGE_NAMES,
	REPO,
	SANDBOX_OWNER,
	startServer,
	stopServer,
} from './n8n';
import { type QueueTopology, startQueue } from './queue';
import { type N8nCredential, type Sandbox, sandboxPorts, startSandbox } from './sandbox';

/* `npm run dev`: build the package, install the pinned n8n once, start the sandbox APIs, import the
   credentials and the example workflows, and run n8n at http://localhost:5678 with this package
   loaded, until Ctrl+C.
     npm run dev                 against the sandbox (simulated NinjaOne and Nexthink on 127.0.0.1)
     npm run dev -- --tenant     against your real tenant: credentials from sandbox/credentials.tenant.json
     npm run dev -- --reset      start from an empty n8n (forget workflows, executions, the owner)
     npm run dev -- --queue      n8n's queue mode: Postgres, Redis, the main (editor), two workers and a
                                 webhook processor (sandbox/queue.ts), data in a temporary folder
                                 removed at Ctrl+C; combines with --tenant
   Environment: N8N_PORT (default 5678); SANDBOX_BASE_PORT (default 5701, and the four after it). */

const EXAMPLES = join(REPO, 'examples');
const TENANT_FILE = join(REPO, 'sandbox', 'credentials.tenant.json');

function hashOf(...contents: string[]): string {
	const hash = createHash('sha256');
	for (const content of contents) hash.update(content).update('\0');
	return hash.digest('hex');
}

/** Runs `import` unless `stamp` already records `hash` (so a restart keeps the user's own edits). */
async function importOnce(stampFile: string, hash: string, run: () => Promise<unknown>): Promise<boolean> {
	if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === hash) return false;
	await run();
	writeFileSync(stampFile, hash);
	return true;
}

async function main(): Promise<void> {
	const args = new Set(process.argv.slice(2));
	const unknown = [...args].filter((arg) => !['--tenant', '--reset', '--queue'].includes(arg));
	if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}; the options are --tenant, --reset and --queue`);
	const tenant = args.has('--tenant');
	const queueMode = args.has('--queue');
	const port = Number(process.env.N8N_PORT ?? 5678);
	const started = Date.now();
	const step = (text: string) => process.stdout.write(`[dev] ${text}\n`);

	step('Building both packages ...');
	const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('the build failed (npm run build)');

	const n8nDir = installN8n();
	if (queueMode) {
		const prerequisites = spawnSync('bash', [join(REPO, 'scripts', 'queue-prerequisites.sh'), '--no-e2e'], { stdio: 'inherit' });
		if (prerequisites.status !== 0) throw new Error('Postgres and Redis are needed for --queue (scripts/queue-prerequisites.sh)');
	}
	// The sandbox and a real tenant keep separate n8n data (workflows, executions, connected tokens).
	const userFolder = join(REPO, '.cache', 'dev', tenant ? 'tenant' : 'sandbox');
	if (!queueMode) {
		if (args.has('--reset')) rmSync(userFolder, { recursive: true, force: true });
		mkdirSync(userFolder, { recursive: true });
		installPackages(userFolder);
	}
	const env = n8nEnv({ userFolder, port, brokerPort: port + 1 });

	let sandbox: Sandbox | undefined;
	let credentials: N8nCredential[];
	if (tenant) {
		if (!existsSync(TENANT_FILE)) {
			throw new Error(
				'--tenant needs sandbox/credentials.tenant.json: copy sandbox/credentials.tenant.example.json there and fill it in',
			);
		}
		credentials = JSON.parse(readFileSync(TENANT_FILE, 'utf8'));
	} else {
		sandbox = await startSandbox({ ports: sandboxPorts(), activityFeed: {} });
		for (const server of sandbox.apis.flatMap((api) => api.servers)) server.keepLog = false;
		credentials = sandbox.credentials();
	}

	let server: Awaited<ReturnType<typeof startServer>> | undefined;
	let queue: QueueTopology | undefined;
	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		if (server) await stopServer(server.child);
		await queue?.stop();
		await sandbox?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();

	/** One `n8n start` on SQLite in the user folder (credentials imported each time, examples once). */
	async function startSingle(): Promise<void> {
		const credentialsFile = join(userFolder, 'import-credentials.json');
		const importCredentials = async () => {
			writeFileSync(credentialsFile, JSON.stringify(credentials, null, '\t'), { mode: 0o600 });
			try {
				await cli(n8nDir, env, ['import:credentials', `--input=${credentialsFile}`]);
			} finally {
				rmSync(credentialsFile, { force: true });
			}
		};
		if (sandbox) {
			// The sandbox's tokens live only as long as this process: import its credentials every time.
			step('Importing the sandbox credentials ...');
			await importCredentials();
		} else {
			// A real tenant's credentials are imported when the file changes, so that a token connected in
			// the editor (authorization code) survives a restart.
			const imported = await importOnce(join(userFolder, '.credentials-hash'), hashOf(JSON.stringify(credentials)), importCredentials);
			if (imported) step('Imported sandbox/credentials.tenant.json');
		}
		const examplesHash = hashOf(...examples.map((f) => f + readFileSync(join(EXAMPLES, f), 'utf8')));
		const importedExamples = await importOnce(join(userFolder, '.examples-hash'), examplesHash, async () => {
			step(`Importing ${examples.length} example workflows ...`);
			await cli(n8nDir, env, ['import:workflow', '--separate', `--input=${EXAMPLES}`]);
		});
		if (!importedExamples) step('Example workflows unchanged since the last run: kept as they are in n8n');

		step('Starting n8n ...');
		server = await startServer(n8nDir, env, { echo: true });
		await ensureOwner(`http://127.0.0.1:${port}`);
		server.child.on('exit', (code) => void shutdown(code ?? 1));
	}

	try {
		if (queueMode) {
			step('Starting Postgres, Redis, the n8n main, two workers and a webhook processor ...');
			queue = await startQueue({
				n8nDir,
				credentials,
				workflows: examples.map((f) => ({ file: join(EXAMPLES, f) })),
				mainPort: port,
				echo: true,
			});
			server = queue.main;
			await ensureOwner(`http://127.0.0.1:${port}`);
			for (const child of [queue.main, queue.webhook, ...queue.workers]) child.child.on('exit', (code) => void shutdown(code ?? 1));
		} else {
			await startSingle();
		}
		const lines = [
			'',
			`n8n is running with ${PACKAGE_NAMES} loaded (ready in ${Math.round((Date.now() - started) / 1000)} s).`,
			'',
			`  Open      ${server!.url}`,
			`  Sign in   ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}  (the owner account of this local n8n only)`,
			`  Examples  ${examples.map((f) => f.replace(/\.json$/, '')).join(', ')} (Overview > Workflows)`,
			sandbox
				? '  APIs      simulated, on 127.0.0.1:\n' + sandbox.apis.map((a) => `              ${a.name.padEnd(18)} ${a.url}  ${a.summary}`).join('\n')
				: '  APIs      your real tenant (credentials from sandbox/credentials.tenant.json)',
			...(queue
				? [
						`  Queue     main (editor, triggers) ${queue.main.url}; production webhooks at the webhook processor ${queue.webhookBaseUrl}/webhook/...;`,
						`            ${queue.workers.map((w) => `${w.name} (PID ${w.child.pid})`).join(', ')} run the executions;`,
						`            Postgres 127.0.0.1:${queue.postgres.port}, Redis 127.0.0.1:${queue.redis.port}`,
						`  Data      ${queue.root} (removed at Ctrl+C)`,
					]
				: [`  Data      ${userFolder}`]),
			'',
			'  Stop with Ctrl+C.',
			'',
		];
		process.stdout.write(lines.join('\n') + '\n');
	} catch (error) {
		process.stderr.write(`[dev] ${(error as Error).message}\n`);
		await shutdown(1);
	}
}

main().catch((error) => {
	process.stderr.write(`[dev] ${(error as Error).message}\n`);
	process.exit(1);
});
