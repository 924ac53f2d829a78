import { type ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { createServer } from 'net';
import { join, resolve } from 'path';

/* A real n8n beside the repository, for `npm run dev` and the end-to-end tests alike: the pinned n8n
   from scripts/install-n8n.sh, a user folder of its own, both packages installed into it as
   community packages (from `npm pack`, exactly what npm would publish), and the CLI and server. */

export const REPO = resolve(__dirname, '..');
/** The packages this repository publishes (the workspaces of its package.json), each folder and name. */
export const PACKAGES: { dir: string; name: string }[] = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).workspaces.map(
	(workspace: string) => {
		const dir = join(REPO, workspace);
		return { dir, name: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name as string };
	},
);
export const PACKAGE_NAMES = PACKAGES.map((p) => p.name).join(' and ');

/**
 * The n8n's folder (N8N_VERSION, default the pinned 2.x); installs it the first time
 * (scripts/install-n8n.sh, a few minutes).
 */
export function installN8n(): string {
	const result = spawnSync('bash', [join(REPO, 'scripts', 'install-n8n.sh')], {
		stdio: ['ignore', 'pipe', 'inherit'],
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`scripts/install-n8n.sh failed (exit ${result.status})`);
	const dir = result.stdout.trim().split('\n').pop()!;
	return dir;
}

/** A free port on 127.0.0.1 (other people run n8n and tests on the same machine). */
export async function freePort(): Promise<number> {
	return await new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolvePort(port));
		});
	});
}

export function n8nBin(n8nDir: string): string {
	return join(n8nDir, 'node_modules', '.bin', 'n8n');
}

/** The n8n's own version, as installed. */
export function n8nVersion(n8nDir: string): string {
	return JSON.parse(readFileSync(join(n8nDir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
}

/** `env` with the Node that this n8n was installed for first on PATH (n8n 1.x runs on Node 22). */
function withN8nNode(n8nDir: string, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const marker = join(n8nDir, '.node-bin');
	if (!existsSync(marker)) return env;
	return { ...env, PATH: `${readFileSync(marker, 'utf8').trim()}:${env.PATH ?? ''}` };
}

/**
 * Installs every built package (dist/) into `userFolder` the way n8n's own community-package installer
 * does: <userFolder>/.n8n/nodes/node_modules/<name>, which n8n scans for `n8n-nodes-*` packages and
 * loads under the package's name (node type `n8n-nodes-ninjaone.ninjaOne`). Folders given in
 * N8N_CUSTOM_EXTENSIONS would load the same files as `CUSTOM.ninjaOne` instead, which the workflows
 * of a real installation do not use. A package has no node_modules of its own there, so
 * `n8n-workflow` resolves to n8n's copy, as after a real install. Several user folders (the processes
 * of a queue-mode topology) get the same packed tarballs.
 */
export function installPackages(...userFolders: string[]): string[] {
	return PACKAGES.flatMap((pkg) => installPackage(userFolders, pkg));
}

/** One package, from `npm pack` (exactly what npm would publish), into every user folder given. */
function installPackage(userFolders: string[], { dir, name }: { dir: string; name: string }): string[] {
	const packDir = mkdtempSync(join(tmpdir(), 'n8n-pack-'));
	try {
		const pack = spawnSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], {
			cwd: dir,
			encoding: 'utf8',
		});
		if (pack.status !== 0) throw new Error(`npm pack of ${name} failed: ${pack.stderr}`);
		const tarball = join(packDir, pack.stdout.trim().split('\n').pop()!);
		return userFolders.map((userFolder) => {
			const target = join(userFolder, '.n8n', 'nodes', 'node_modules', name);
			rmSync(target, { recursive: true, force: true });
			mkdirSync(target, { recursive: true });
			const tar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
			if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
			return target;
		});
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
}

export interface N8nEnvOptions {
	userFolder: string;
	/** The editor and REST port (default 5678). */
	port?: number;
	/** The task runners' broker port (default 5679); each n8n running at once needs its own. */
	brokerPort?: number;
}

/** The environment every n8n of the sandbox and the tests runs with. */
export function n8nEnv({ userFolder, port = 5678, brokerPort = 5679 }: N8nEnvOptions): NodeJS.ProcessEnv {
	// Jest sets NODE_ENV=test, under which n8n silences its logger (and with it `execute`'s output)
	// and refuses to load nodes: n8n runs as it would for a user.
	const { NODE_ENV, JEST_WORKER_ID, ...inherited } = process.env;
	void NODE_ENV;
	void JEST_WORKER_ID;
	return {
		...inherited,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${port}`,
		N8N_WEBHOOK_URL: `http://localhost:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		// The sandbox's APIs are on 127.0.0.1. n8n 2.41's SSRF protection (off by default) would block
		// loopback; keep it off explicitly for the sandbox.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		// Plain http on localhost: the session cookie must not require https.
		N8N_SECURE_COOKIE: 'false',
		// Nothing here may call home: no telemetry, version checks, templates or surveys.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Community nodes offered as AI agent tools ("NinjaOne Tool", "Nexthink Act Tool").
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
	};
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `n8n <args>` without blocking this process (the in-process sandbox must keep answering). */
export function runCli(n8nDir: string, env: NodeJS.ProcessEnv, args: string[], timeoutMs = 180_000): Promise<CliResult> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(n8nBin(n8nDir), args, { env: withN8nNode(n8nDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolvePromise({ code, stdout, stderr });
		});
	});
}

/** Like runCli, but a non-zero exit is an error carrying n8n's output. */
export async function cli(n8nDir: string, env: NodeJS.ProcessEnv, args: string[]): Promise<CliResult> {
	const result = await runCli(n8nDir, env, args);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
	}
	return result;
}

/**
 * `n8n execute --rawOutput` prints log lines, then the run as indented JSON, and n8n may still log
 * after it (a background task failing): the run is the first `{` at a line start up to the first
 * line-start `}` that closes a valid JSON document.
 */
export function parseRawOutput(stdout: string): RawRun {
	const start = stdout.search(/^\{/m);
	if (start < 0) throw new Error(`no JSON in n8n's output:\n${stdout}`);
	for (let end = stdout.indexOf('\n}', start); end >= 0; end = stdout.indexOf('\n}', end + 1)) {
		try {
			return JSON.parse(stdout.slice(start, end + 2)) as RawRun;
		} catch {
			// Not the end of the document yet: an inner object closed at column 0.
		}
	}
	return JSON.parse(stdout.slice(start)) as RawRun;
}

export interface RawItem {
	json: Record<string, any>;
	pairedItem?: unknown;
	error?: unknown;
}

export interface RawRun {
	status: string;
	finished: boolean;
	data: {
		resultData: {
			error?: { message: string };
			lastNodeExecuted?: string;
			runData: Record<
				string,
				Array<{ executionStatus: string; startTime: number; executionTime: number; error?: { message: string }; data?: { main: RawItem[][] } }>
			>;
		};
	};
}

export interface N8nProcess {
	child: ChildProcess;
	url: string;
	output: () => string;
}

/**
 * Starts `n8n start` (or another n8n command, `command`) and resolves once it answers at `readyUrl`
 * (default: the REST API on N8N_PORT).
 */
export async function startServer(
	n8nDir: string,
	env: NodeJS.ProcessEnv,
	options: { echo?: boolean; timeoutMs?: number; command?: string[]; readyUrl?: string; name?: string } = {},
): Promise<N8nProcess> {
	const command = options.command ?? ['start'];
	const child = spawn(n8nBin(n8nDir), command, { env: withN8nNode(n8nDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const prefix = options.name ? `[${options.name}] ` : '';
	const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-50_000);
		if (options.echo) stream.write(prefix ? chunk.toString().replace(/^(?=.)/gm, prefix) : chunk);
	};
	child.stdout?.on('data', keep(process.stdout));
	child.stderr?.on('data', keep(process.stderr));
	const url = `http://localhost:${env.N8N_PORT}`;
	const readyUrl = options.readyUrl ?? `http://127.0.0.1:${env.N8N_PORT}/rest/settings`;
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	let exited: number | null | undefined;
	child.on('exit', (code) => (exited = code));
	while (Date.now() < deadline) {
		if (exited !== undefined) throw new Error(`n8n ${command.join(' ')} exited ${exited}\n${output}`);
		try {
			// While n8n starts, its web server may answer with the editor's HTML before the REST API is mounted.
			const response = await fetch(readyUrl);
			if (response.ok && response.headers.get('content-type')?.includes('json')) return { child, url, output: () => output };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	child.kill('SIGTERM');
	throw new Error(`n8n ${command.join(' ')} did not answer on ${readyUrl} in time\n${output}`);
}

/** Stops a server started by startServer: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopServer(child: ChildProcess, graceMs = 15_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(timer);
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** The local owner account of the sandbox's n8n (it never leaves this machine). */
export const SANDBOX_OWNER: Owner = {
	email: 'owner@sandbox.local',
	password: 'Sandbox-n8n-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};

/** Sets up the instance owner once; later runs find it set up and leave it. True when created now. */
export async function ensureOwner(baseUrl: string, owner: Owner = SANDBOX_OWNER): Promise<boolean> {
	const settings = (await (await fetch(`${baseUrl}/rest/settings`)).json()) as { data?: any };
	if (settings.data?.userManagement?.showSetupOnFirstLoad === false) return false;
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	return true;
}
