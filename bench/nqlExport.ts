import axios from 'axios';
import { fork } from 'child_process';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { join } from 'path';

import { NexthinkInfinitySim } from '../simulator/nexthinkInfinity';
import { NexthinkPortalSim, nxqlDevice, PORTAL_USER } from '../simulator/nexthinkPortal';
import { TestCredentialsHelper } from '../test/harness/credentialsHelper';
import { runNode } from '../test/harness/engine';
import { rawInfinityHeaders } from './arms';
import type { Row } from './report';
import { mebibytes, median, ratio, seconds } from './stats';

/* Case 8: Nexthink Infinity NQL > Export of 100,000 rows (start, three status checks, download of
   the CSV, one item per row), its peak memory against a plain axios loop that does the same and
   keeps the same row objects. Case 9: classic NXQL > Execute Query answering 100,000 rows from one
   Engine (read as they arrive), against a plain axios GET that parses the whole JSON answer into
   the same row objects. The simulators run in the bench's own process; each measured run is a
   fresh child process of this file (argv[2] = JSON ExportArm), which loads the same modules
   whichever arm it runs, warms up on a small answer, and answers with its time and memory. */

const ROWS = 100_000;
const QUERY = '#device_inventory';
const WARMUP_QUERY = '#devices_by_name';
const REGISTER = join(__dirname, '..', 'scripts', 'ts-register.js');

interface SimInfo {
	url: string;
	loginUrl: string;
	clientId: string;
	clientSecret: string;
	/** Case 9: the Portal, and the address of the Engine that answers NXQL. */
	portalUrl?: string;
	engineAddress?: string;
}

interface ExportArm {
	arm: 'ours' | 'raw';
	sim: SimInfo;
	rows: number;
	/** Case 8 (NQL export) or case 9 (NXQL on an Engine). */
	case?: 'export' | 'nxql';
}

/** Case 9's query: every field of the simulated device table. */
const NXQL_QUERY = '(select (*) (from device))';
const NXQL_WARMUP_QUERY = '(select (*) (from device) (limit 1000))';

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
	let runs: Runs;
	try {
		runs = await measureArms(reps, { sim: info, rows: ROWS });
		if (sim.violations.length > 0) throw new Error(`case 8: the simulator saw requests against the spec: ${sim.violations[0]}`);
	} finally {
		await sim.stop();
	}
	rows.push(
		memoryRow(runs, reps, {
			id: '8',
			title: `Nexthink NQL export of ${ROWS.toLocaleString('en-US')} rows (start, status checks, CSV download, one item per row): peak RSS of the process`,
			baseline: 'axios loop: the same export, status checks and download, the CSV parsed into the same row objects',
			target: '≤ 1.5×',
			limit: 1.5,
		}),
	);
}

type Runs = { ours: ExportResult[]; raw: ExportResult[] };

/** Each repetition runs both arms, in alternating order. */
async function measureArms(reps: number, spec: Omit<ExportArm, 'arm'>): Promise<Runs> {
	const runs: Runs = { ours: [], raw: [] };
	for (let rep = 1; rep <= reps; rep++) {
		process.stderr.write(`[bench] ${label({ ...spec, arm: 'ours' }).replace(/ ours$/, '')}: repetition ${rep}/${reps}\n`);
		const order = rep % 2 ? (['ours', 'raw'] as const) : (['raw', 'ours'] as const);
		for (const arm of order) runs[arm].push(await measure({ ...spec, arm }));
	}
	return runs;
}

/** A report row comparing the two arms' peak RSS, run by run. */
function memoryRow(
	runs: Runs,
	reps: number,
	what: { id: string; title: string; baseline: string; target: string; limit: number },
): Row {
	const peak = (list: ExportResult[]) => median(list.map((r) => r.peakRss));
	const before = (list: ExportResult[]) => median(list.map((r) => r.rssBefore));
	const retained = (list: ExportResult[]) => median(list.map((r) => r.heapRetained));
	const rssRatios = runs.ours.map((r, i) => r.peakRss / runs.raw[i].peakRss);
	const value = median(rssRatios);
	return {
		id: what.id,
		title: what.title,
		measured:
			`ours ${mebibytes(peak(runs.ours))} in ${seconds(median(runs.ours.map((r) => r.ms)))}, raw ${mebibytes(peak(runs.raw))} in ` +
			`${seconds(median(runs.raw.map((r) => r.ms)))} ` +
			`(${mebibytes(before(runs.ours))} and ${mebibytes(before(runs.raw))} before the run; heap kept after GC ${mebibytes(retained(runs.ours))} vs ` +
			`${mebibytes(retained(runs.raw))})`,
		baseline: what.baseline,
		result: `ours/raw ${ratio(value)}`,
		value,
		target: what.target,
		met: value <= what.limit,
		samples: rssRatios,
		reps,
		// Every run's figures (time, peak RSS, RSS before, heap kept), arm by arm.
		extra: runs,
	};
}

const label = (spec: ExportArm) => `case ${spec.case === 'nxql' ? 9 : 8} ${spec.arm}`;

/** One arm in a fresh process of this file. */
async function measure(spec: ExportArm): Promise<ExportResult> {
	const child = fork(__filename, [JSON.stringify(spec)], {
		execArgv: ['-r', REGISTER, '--expose-gc'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	const result = await new Promise<ExportResult>((resolve, reject) => {
		child.once('message', (message: { result?: ExportResult; error?: string }) =>
			message.result ? resolve(message.result) : reject(new Error(`${label(spec)}: ${message.error}`)),
		);
		child.once('exit', (code) => reject(new Error(`${label(spec)} exited (code ${code}) before answering`)));
	});
	if (result.problems.length > 0) throw new Error(`${label(spec)}: ${result.problems.join('; ')}`);
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
	const parameters = { api: 'infinity', resource: 'nql', operation: 'export', queryId: query, options: { statusCheckSeconds: 0 } };
	const credentials = { nexthinkInfinityApi: { id: 'infinity-1', name: 'Nexthink Infinity (simulator)' } };
	return await runOurs(helper, parameters, credentials, (rows) => check(rows, expected));
}

/** Nexthink Act in n8n's engine, its rows judged by `judge`. */
async function runOurs(
	helper: TestCredentialsHelper,
	parameters: INodeParameters,
	credentials: Record<string, { id: string; name: string }>,
	judge: (rows: IDataObject[]) => string[],
): Promise<Outcome> {
	const run = await runNode({ type: 'n8n-nodes-nexthink.nexthinkAct', parameters: { ...parameters, requestInterval: 0 }, credentials, helper });
	const problems = run.error ? [`ended on an error: ${run.error.message}`] : [];
	problems.push(...judge(run.json.map((json) => json.result as IDataObject)));
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

/** Case 9's rows: as many as asked, the last one the simulator's device of that number. */
function checkNxql(rows: IDataObject[], expected: number | undefined): string[] {
	if (expected === undefined) return [];
	const problems = rows.length === expected ? [] : [`${rows.length} rows, expected ${expected}`];
	const last = rows[rows.length - 1];
	if (last?.name !== nxqlDevice('engine-geneva', expected).name) problems.push(`the last row is ${JSON.stringify(last)}`);
	return problems;
}

/** Nexthink Act > Classic Portal > NXQL > Execute Query on one Engine in n8n's engine. */
async function oursNxql(spec: ExportArm, query: string, expected?: number): Promise<Outcome> {
	const helper = new TestCredentialsHelper();
	helper.add('portal-1', 'nexthinkPortalApi', { url: spec.sim.portalUrl ?? '', username: PORTAL_USER.username, password: PORTAL_USER.password });
	const engine = { mode: 'address', value: spec.sim.engineAddress ?? '' };
	const parameters = { api: 'portal', resource: 'nxql', operation: 'executeQuery', engine, query, platforms: ['windows', 'mac_os'] };
	const credentials = { nexthinkPortalApi: { id: 'portal-1', name: 'Nexthink Portal (simulator)' } };
	return await runOurs(helper, parameters, credentials, (rows) => checkNxql(rows, expected));
}

/** The plain way: one GET with Basic auth, the whole JSON answer parsed into the rows. */
async function rawNxql(spec: ExportArm, query: string, expected?: number): Promise<Outcome> {
	const params = new URLSearchParams([['query', query], ['platform', 'windows'], ['platform', 'mac_os'], ['format', 'json']]);
	const rows = (
		await axios.get(`http://${spec.sim.engineAddress}/2/query?${params.toString().replace(/\+/g, '%20')}`, {
			auth: PORTAL_USER,
		})
	).data as IDataObject[];
	return { keep: rows, problems: checkNxql(rows, expected), count: rows.length };
}

/** Registered in bench/main.ts: the figures of case 9 as rows of the report. */
export async function nxqlQueryCase(options: { reps?: number }, rows: Row[]): Promise<void> {
	const reps = options.reps ?? 3;
	const sim = new NexthinkPortalSim();
	const portalUrl = await sim.start();
	for (const server of [sim.server, ...sim.engineServers]) server.keepLog = false;
	sim.engineDevices.set('engine-geneva', ROWS);
	const info: SimInfo = { url: '', loginUrl: '', clientId: '', clientSecret: '', portalUrl, engineAddress: sim.engines[0].address };
	let runs: Runs;
	try {
		runs = await measureArms(reps, { sim: info, rows: ROWS, case: 'nxql' });
		if (sim.violations.length > 0) throw new Error(`case 9: the simulator saw requests against the contract: ${sim.violations[0]}`);
	} finally {
		await sim.stop();
	}
	rows.push(
		memoryRow(runs, reps, {
			id: '9',
			title: `Nexthink classic NXQL > Execute Query answering ${ROWS.toLocaleString('en-US')} rows from one Engine (read as they arrive, one item per row): peak RSS of the process`,
			baseline: 'axios GET with Basic auth, the whole JSON answer parsed into the same row objects',
			target: '≤ 1.5×',
			limit: 1.5,
		}),
	);
}

async function child(spec: ExportArm): Promise<void> {
	const nxql = spec.case === 'nxql';
	const go = nxql ? (spec.arm === 'ours' ? oursNxql : rawNxql) : spec.arm === 'ours' ? oursExport : rawExport;
	// Warm-up on a small answer: loads what loads lazily and warms the JIT, not the peak memory.
	const warm = await go(spec, nxql ? NXQL_WARMUP_QUERY : WARMUP_QUERY);
	if (warm.count === 0) throw new Error('the warm-up gave no rows');
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	const start = performance.now();
	const outcome = await go(spec, nxql ? NXQL_QUERY : QUERY, spec.rows);
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
