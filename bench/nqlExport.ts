import axios from 'axios';
import { fork } from 'child_process';
import type { IDataObject } from 'n8n-workflow';
import { join } from 'path';

import { NexthinkInfinitySim } from '../simulator/nexthinkInfinity';
import { TestCredentialsHelper } from '../test/harness/credentialsHelper';
import { runNode } from '../test/harness/engine';
import { rawInfinityHeaders } from './arms';
import type { Row } from './report';
import { mebibytes, median, ratio, seconds } from './stats';

/* Case 8: Nexthink Infinity NQL > Export of 100,000 rows (start, three status checks, download of
   the CSV, one item per row), its peak memory against a plain axios loop that does the same and
   keeps the same row objects. The simulator runs in the bench's own process; each measured run is
   a fresh child process of this file (argv[2] = JSON ExportArm), which loads the same modules
   whichever arm it runs, warms up on a small export, and answers with its time and memory. */

const ROWS = 100_000;
const QUERY = '#device_inventory';
const WARMUP_QUERY = '#devices_by_name';
const REGISTER = join(__dirname, '..', 'scripts', 'ts-register.js');

interface SimInfo {
	url: string;
	loginUrl: string;
	clientId: string;
	clientSecret: string;
}

interface ExportArm {
	arm: 'ours' | 'raw';
	sim: SimInfo;
	rows: number;
}

interface ExportResult {
	ms: number;
	peakRss: number;
	rssBefore: number;
	heapRetained: number;
	count: number;
	problems: string[];
}

/** Registered in bench/main.ts: the figures of case 8 as rows of the report. */
export async function nqlExportCase(options: { reps?: number }, rows: Row[]): Promise<void> {
	const reps = options.reps ?? 3;
	const sim = new NexthinkInfinitySim();
	await sim.start();
	sim.api.keepLog = false;
	sim.automation.inventoryRows = ROWS;
	const info: SimInfo = {
		url: sim.api.url,
		loginUrl: sim.login.url,
		clientId: sim.tokens.client.clientId,
		clientSecret: sim.tokens.client.clientSecret,
	};
	const runs = { ours: [] as ExportResult[], raw: [] as ExportResult[] };
	try {
		for (let rep = 1; rep <= reps; rep++) {
			process.stderr.write(`[bench] case 8: repetition ${rep}/${reps}\n`);
			const order = rep % 2 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const);
			for (const arm of order) runs[arm].push(await measure({ arm, sim: info, rows: ROWS }));
		}
		if (sim.violations.length > 0) throw new Error(`case 8: the simulator saw requests against the spec: ${sim.violations[0]}`);
	} finally {
		await sim.stop();
	}
	const peak = (list: ExportResult[]) => median(list.map((r) => r.peakRss));
	const before = (list: ExportResult[]) => median(list.map((r) => r.rssBefore));
	const retained = (list: ExportResult[]) => median(list.map((r) => r.heapRetained));
	const rssRatios = runs.ours.map((r, i) => r.peakRss / runs.raw[i].peakRss);
	const value = median(rssRatios);
	const count = ROWS.toLocaleString('en-US');
	rows.push({
		id: '8',
		title: `Nexthink NQL export of ${count} rows (start, status checks, CSV download, one item per row): peak RSS of the process`,
		measured:
			`ours ${mebibytes(peak(runs.ours))} in ${seconds(median(runs.ours.map((r) => r.ms)))}, raw loop ${mebibytes(peak(runs.raw))} ` +
			`(${mebibytes(before(runs.ours))} and ${mebibytes(before(runs.raw))} before the run; heap kept after GC ${mebibytes(retained(runs.ours))} vs ` +
			`${mebibytes(retained(runs.raw))})`,
		baseline: 'axios loop: the same export, status checks and download, the CSV parsed into the same row objects',
		result: `ours/raw ${ratio(value)}`,
		value,
		target: '≤ 1.5×',
		met: value <= 1.5,
		samples: rssRatios,
		reps,
		// Every run's figures (time, peak RSS, RSS before, heap kept), arm by arm.
		extra: runs,
	});
}

/** One arm in a fresh process of this file. */
async function measure(spec: ExportArm): Promise<ExportResult> {
	const child = fork(__filename, [JSON.stringify(spec)], {
		execArgv: ['-r', REGISTER, '--expose-gc'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const result = await new Promise<ExportResult>((resolve, reject) => {
		child.once('message', (message: { result?: ExportResult; error?: string }) =>
			message.result ? resolve(message.result) : reject(new Error(`case 8 ${spec.arm}: ${message.error}`)),
		);
		child.once('exit', (code) => reject(new Error(`case 8 ${spec.arm} exited (code ${code}) before answering`)));
	});
	if (result.problems.length > 0) throw new Error(`case 8 ${spec.arm}: ${result.problems.join('; ')}`);
	return result;
}

interface Outcome {
	/** Kept referenced until the memory is read, as a workflow would keep it. */
	keep: unknown;
	problems: string[];
	count: number;
}

/** What the arm keeps and whether it is right: every row, the last one as the simulator made it. */
function check(rows: IDataObject[], expected: number | undefined): string[] {
	if (expected === undefined) return [];
	const problems = rows.length === expected ? [] : [`${rows.length} rows, expected ${expected}`];
	const last = rows[rows.length - 1];
	const name = `DEVICE-${String(expected).padStart(6, '0')}`;
	if (last?.['device.name'] !== name || last?.['device.hardware.model'] !== 'Latitude 7440, rev "B"') {
		problems.push(`the last row is ${JSON.stringify(last)}`);
	}
	return problems;
}

/** Nexthink Act > Infinity > NQL > Export in n8n's engine. */
async function oursExport(spec: ExportArm, query: string, expected?: number): Promise<Outcome> {
	const helper = new TestCredentialsHelper();
	helper.add('infinity-1', 'nexthinkInfinityApi', {
		region: 'custom',
		customLoginUrl: spec.sim.loginUrl,
		customApiUrl: spec.sim.url,
		clientId: spec.sim.clientId,
		clientSecret: spec.sim.clientSecret,
	});
	const run = await runNode({
		type: 'n8n-nodes-nexthink.nexthinkAct',
		parameters: {
			api: 'infinity',
			resource: 'nql',
			operation: 'export',
			queryId: query,
			options: { statusCheckSeconds: 0 },
			requestInterval: 0,
		},
		credentials: { nexthinkInfinityApi: { id: 'infinity-1', name: 'Nexthink Infinity (simulator)' } },
		helper,
	});
	const problems = run.error ? [`ended on an error: ${run.error.message}`] : [];
	problems.push(...check(run.json.map((json) => json.result as IDataObject), expected));
	return { keep: run, problems, count: run.items.length };
}

/** The plain loop: a token, the export, its status until complete, the file, its rows as objects. */
async function rawExport(spec: ExportArm, query: string, expected?: number): Promise<Outcome> {
	const headers = await rawInfinityHeaders(spec.sim);
	const { exportId } = (await axios.post(`${spec.sim.url}/api/v1/nql/export`, { queryId: query }, { headers })).data as { exportId: string };
	let status: { status: string; resultsFileUrl?: string };
	do {
		status = (await axios.get(`${spec.sim.url}/api/v1/nql/status/${exportId}`, { headers })).data;
	} while (status.status !== 'COMPLETED');
	const text = (await axios.get(status.resultsFileUrl!, { responseType: 'text' })).data as string;
	const lines = text.split('\n');
	const header = lines[0].split(',');
	const rows: IDataObject[] = [];
	for (let i = 1; i < lines.length; i++) {
		if (lines[i] === '') continue;
		// The simulator's last column is the only quoted one: "Latitude 7440, rev ""B""".
		const at = lines[i].indexOf(',"');
		const fields = (at < 0 ? lines[i] : lines[i].slice(0, at)).split(',');
		if (at >= 0) fields.push(lines[i].slice(at + 2, -1).replace(/""/g, '"'));
		const row: IDataObject = {};
		header.forEach((name, j) => (row[name] = fields[j]));
		rows.push(row);
	}
	return { keep: rows, problems: check(rows, expected), count: rows.length };
}

async function child(spec: ExportArm): Promise<void> {
	const go = spec.arm === 'ours' ? oursExport : rawExport;
	// Warm-up on a small export: loads what loads lazily and warms the JIT, not the peak memory.
	const warm = await go(spec, WARMUP_QUERY);
	if (warm.count === 0) throw new Error('the warm-up export gave no rows');
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	const start = performance.now();
	const outcome = await go(spec, QUERY, spec.rows);
	const ms = performance.now() - start;
	global.gc?.();
	const heapRetained = process.memoryUsage().heapUsed;
	const result: ExportResult = {
		ms,
		peakRss: process.resourceUsage().maxRSS * 1024,
		rssBefore,
		heapRetained,
		count: outcome.count,
		problems: outcome.problems,
	};
	void outcome.keep;
	process.send!({ result }, undefined, {}, () => process.exit(0));
}

if (require.main === module && process.argv[2]) {
	child(JSON.parse(process.argv[2]) as ExportArm).catch((error: Error) => {
		process.send!({ error: error.stack ?? error.message }, undefined, {}, () => process.exit(1));
	});
}
