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
import { type N8nCredential, type Sandbox, sandboxPorts, startSandbox } from './sandbox';

/* `npm run dev`: build the package, install the pinned n8n once, start the sandbox APIs, import the
   credentials and the example workflows, and run n8n at http://localhost:5678 with this package
   loaded, until Ctrl+C.
     npm run dev                 against the sandbox (simulated NinjaOne and Nexthink on 127.0.0.1)
     npm run dev -- --tenant     against your real tenant: credentials from sandbox/credentials.tenant.json
     npm run dev -- --reset      start from an empty n8n (forget workflows, executions, the owner)
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
	const unknown = [...args].filter((arg) => !['--tenant', '--reset'].includes(arg));
	if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')}; the options are --tenant and --reset`);
	const tenant = args.has('--tenant');
	const port = Number(process.env.N8N_PORT ?? 5678);
	const started = Date.now();
	const step = (text: string) => process.stdout.write(`[dev] ${text}\n`);

	step('Building both packages ...');
	const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('the build failed (npm run build)');

	const n8nDir = installN8n();
	// The sandbox and a real tenant keep separate n8n data (workflows, executions, connected tokens).
	const userFolder = join(REPO, '.cache', 'dev', tenant ? 'tenant' : 'sandbox');
	if (args.has('--reset')) rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	installPackages(userFolder);
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
	const shutdown = async (code: number) => {
		if (server) await stopServer(server.child);
		await sandbox?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	try {
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
		const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort();
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

		const lines = [
			'',
			`n8n is running with ${PACKAGE_NAMES} loaded (ready in ${Math.round((Date.now() - started) / 1000)} s).`,
			'',
			`  Open      ${server.url}`,
			`  Sign in   ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}  (the owner account of this local n8n only)`,
			`  Examples  ${examples.map((f) => f.replace(/\.json$/, '')).join(', ')} (Overview > Workflows)`,
			sandbox
				? '  APIs      simulated, on 127.0.0.1:\n' + sandbox.apis.map((a) => `              ${a.name.padEnd(18)} ${a.url}  ${a.summary}`).join('\n')
				: '  APIs      your real tenant (credentials from sandbox/credentials.tenant.json)',
			`  Data      ${userFolder}`,
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
