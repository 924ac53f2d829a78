import type { ChildProcess } from 'child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import {
	cli,
	freePort,
	ensureOwner,
	installN8n,
	installPackages,
	n8nEnv,
	parseRawOutput,
	type RawItem,
	type RawRun,
	REPO,
	runCli,
	SANDBOX_OWNER,
	startServer,
} from '../../sandbox/n8n';
import type { N8nCredential } from '../../sandbox/sandbox';

export { freePort };

/* What the end-to-end suites share: a fresh n8n user folder with the packed package installed, the
   example workflows made runnable by `n8n execute`, and readers for its raw output. */

export const OUTPUT = join(REPO, 'test-output', 'e2e');
export const EXAMPLES = join(REPO, 'examples');

export type Workflow = {
	id: string;
	name: string;
	nodes: Array<{ id: string; name: string; type: string; typeVersion: number; position: number[]; parameters: any; [k: string]: unknown }>;
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	pinData?: Record<string, Array<{ json: unknown }>>;
	[k: string]: unknown;
};

export function readWorkflow(file: string): Workflow {
	return JSON.parse(readFileSync(file, 'utf8')) as Workflow;
}

export function exampleFiles(): string[] {
	return readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join(EXAMPLES, f));
}

const TRIGGERS = new Set(['n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.webhook']);

/**
 * The workflow as `n8n execute` can run it: the CLI starts at a manual trigger and ignores pinned
 * data, so each schedule or webhook trigger becomes a Set node of the same name that outputs the
 * trigger's pinned item (the webhook's sample payload) or `{}`, behind a manual trigger.
 */
export function forCli(workflow: Workflow): Workflow {
	const copy: Workflow = JSON.parse(JSON.stringify(workflow));
	const starts: string[] = [];
	copy.nodes = copy.nodes.map((node) => {
		if (!TRIGGERS.has(node.type)) return node;
		starts.push(node.name);
		const pinned = copy.pinData?.[node.name]?.[0]?.json ?? {};
		return {
			id: node.id,
			name: node.name,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: node.position,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify(pinned), options: {} },
		};
	});
	starts.forEach((name, i) => {
		const start = `e2e start ${i + 1}`;
		copy.nodes.push({
			id: `e2e-start-${i + 1}`,
			name: start,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [-240, i * 200],
			parameters: {},
		});
		copy.connections[start] = { main: [[{ node: name, type: 'main', index: 0 }]] };
	});
	copy.pinData = {};
	return copy;
}

export interface E2eN8n {
	dir: string;
	userFolder: string;
	env: NodeJS.ProcessEnv;
	/** `n8n execute --id=<id> --rawOutput`, parsed. */
	execute(id: string): Promise<RawRun>;
}

/** A fresh n8n user folder under test-output/e2e/<name>, with the package installed and credentials imported. */
export async function prepareN8n(name: string, credentials: N8nCredential[], workflows: Workflow[]): Promise<E2eN8n> {
	const dir = installN8n();
	const base = join(OUTPUT, name);
	const userFolder = join(base, 'n8n');
	rmSync(base, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	installPackages(userFolder);
	const env = n8nEnv({ userFolder, port: await freePort(), brokerPort: await freePort() });

	const credentialsFile = join(base, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, '\t'));
	await cli(dir, env, ['import:credentials', `--input=${credentialsFile}`]);
	const workflowDir = join(base, 'workflows');
	mkdirSync(workflowDir);
	for (const workflow of workflows) writeFileSync(join(workflowDir, `${workflow.id}.json`), JSON.stringify(workflow, null, '\t'));
	await cli(dir, env, ['import:workflow', '--separate', `--input=${workflowDir}`]);

	return {
		dir,
		userFolder,
		env,
		async execute(id) {
			const result = await runCli(dir, env, ['execute', `--id=${id}`, '--rawOutput']);
			writeFileSync(join(base, `run-${id}.log`), `exit ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
			if (result.code !== 0) throw new Error(`n8n execute --id=${id} exited ${result.code}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
			return parseRawOutput(result.stdout);
		},
	};
}

/** The items a node put on output `output` in its (first) run. */
export function outputOf(run: RawRun, node: string, output = 0): RawItem[] {
	const runs = run.data.resultData.runData[node];
	if (!runs) throw new Error(`node "${node}" did not run; ran: ${Object.keys(run.data.resultData.runData).join(', ')}`);
	return runs[0].data?.main[output] ?? [];
}

/** The envelope of every item: `{has_error, error, result}` and nothing else. */
export function envelopes(items: RawItem[]): Array<{ has_error: boolean; error: string | null; result: any }> {
	return items.map((item) => {
		expect(Object.keys(item.json).sort()).toEqual(['error', 'has_error', 'result']);
		return item.json as { has_error: boolean; error: string | null; result: any };
	});
}

/** Polls `read` once a second until `done` holds; the error shows the last value and `context()`. */
export async function until<T>(
	read: () => Promise<T> | T,
	done: (value: T) => boolean,
	timeoutMs: number,
	what: string,
	context: () => string = () => '',
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 500)}\n${context().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Signs the sandbox's owner in to a running n8n; the result reads its REST API (`data` of each answer). */
export async function signIn(baseUrl: string, browserId: string): Promise<(path: string) => Promise<any>> {
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: SANDBOX_OWNER.email, password: SANDBOX_OWNER.password }),
	});
	if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
	const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
	return async (path: string) => {
		const response = await fetch(`${baseUrl}/rest${path}`, { headers: { cookie, 'browser-id': browserId } });
		const body = (await response.json()) as { data?: unknown };
		if (!response.ok || body.data === undefined) throw new Error(`GET /rest${path} answered ${response.status}: ${JSON.stringify(body)}`);
		return body.data;
	};
}

/** The executions of a workflow, newest first, as the REST API lists them. */
export async function executionsOf(rest: (path: string) => Promise<any>, workflowId: string): Promise<Array<{ id: string; status: string }>> {
	return (await rest(`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`)).results;
}

export interface PublishedN8n {
	n8n: E2eN8n;
	server: { child: ChildProcess; url: string; output: () => string };
	/** Reads n8n's REST API as the signed-in owner. */
	rest: (path: string) => Promise<any>;
}

/**
 * A real `n8n start` on a fresh user folder with `workflows` imported and published (as a user's
 * "Publish" leaves them: their triggers, webhooks and MCP servers live), the owner signed in.
 */
export async function startPublished(name: string, credentials: N8nCredential[], workflows: Workflow[]): Promise<PublishedN8n> {
	const n8n = await prepareN8n(name, credentials, workflows);
	for (const workflow of workflows) await cli(n8n.dir, n8n.env, ['publish:workflow', `--id=${workflow.id}`]);
	const server = await startServer(n8n.dir, n8n.env);
	await ensureOwner(server.url);
	return { n8n, server, rest: await signIn(server.url, `e2e-${name}`) };
}
