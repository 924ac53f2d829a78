import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { cli, freePort, installN8n, installPackages, n8nEnv, parseRawOutput, type RawItem, type RawRun, REPO, runCli } from '../../sandbox/n8n';
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
