import { NinjaOne } from '../packages/n8n-nodes-ninjaone/nodes/NinjaOne/NinjaOne.node';
import type { ArmName, ArmSpec } from './arms';
import { findHttpRequestNode } from './httpNode';
import { busy, log, type Measured, measure } from './measure';
import { SimProcess } from './processes';
import type { Row } from './report';
import { mebibytes, median, millis, ratio, seconds } from './stats';

/* Cases 6a–6c: Device > List, Return All, against what a user builds without this package:
   n8n's HTTP Request node on the same NinjaOne OAuth2 credential, with its own pagination
   (`after` = the last row's id, complete at a page shorter than asked), over the same pages of
   the same simulator, in the same engine and the same run. Both arms load the same modules (the
   HTTP Request node included), so their peak RSS starts from the same floor. */

const DEVICES = 100_000;
const PAGE = 1000;
/** Requests of one list: every page is full, so the last (empty) answer ends it. */
const REQUESTS = DEVICES / PAGE + 1;

export interface HttpListOptions {
	/** Repetitions at latency 0 (default 5) and at `latency` (default 3). */
	reps: number | undefined;
	/** The simulator's latency per answer in case 6c, ms. */
	latency: number;
}

interface Side {
	ours: Measured[];
	theirs: Measured[];
}

export async function httpListCases(options: HttpListOptions, rows: Row[]): Promise<void> {
	const http = findHttpRequestNode();
	if ('missing' in http) {
		for (const id of ['6a', '6b', '6c']) rows.push(notRun(id, `Case 6 loads n8n's HTTP Request node from the real n8n the e2e tests install, and ${http.missing}.`));
		return;
	}
	const fast = await runSide(options.reps ?? 5, 0);
	const slow = await runSide(options.reps ?? 3, options.latency);
	const devices = DEVICES.toLocaleString('en-US');
	const peer = `HTTP Request node (n8n-nodes-base ${http.version}, v4.2) with its pagination, same credential, same run`;
	const time = timeFigures(fast);
	const timeRow: Row = {
		...judged(time, 0.8),
		id: '6a',
		title: `List ${devices} devices against n8n's HTTP Request node, page size ${PAGE}, interval 0: time`,
		measured:
			`ours ${seconds(time.ours)}, HTTP Request ${seconds(time.theirs)}; CPU of the process ${seconds(time.oursCpu)} vs ` +
			`${seconds(time.theirsCpu)}, of which n8n reading the credential ${millis(time.oursCredential)} vs ${millis(time.theirsCredential)}; ` +
			`${REQUESTS} requests each`,
		baseline: peer,
		result: `ours/theirs ${ratio(time.value)}`,
		extra: extra(fast),
	};
	if (!timeRow.met) {
		timeRow.note =
			`Missed in this run (ratio of each repetition: ${time.samples.map((r) => r.toFixed(2)).join(', ')}). The pages are fetched one ` +
			`after the other, so the wall time of each arm is its process's CPU plus the simulator's serving the same pages ` +
			`(${seconds(time.simCpu)} for either) plus the loopback. On its process's CPU alone ours takes ${ratio(time.cpuRatio)} the HTTP Request ` +
			`node's (with the simulator's ${ratio(time.busyRatio)}); n8n's OAuth2 helper, which both call for every page (it reads and ` +
			`resolves the credential again, ${millis(time.oursCredential)} vs ${millis(time.theirsCredential)} here, and opens a new connection), ` +
			`sets a floor neither node can go below. See the Performance section of the README for the profile.`;
	}
	rows.push(timeRow);
	const memory = memoryFigures(fast);
	const memoryRow: Row = {
		...judged(memory, 1),
		id: '6b',
		title: `List ${devices} devices against n8n's HTTP Request node: peak RSS of the process`,
		measured:
			`ours ${mebibytes(memory.ours)}, HTTP Request ${mebibytes(memory.theirs)} (both ${mebibytes(memory.before)} before the run); ` +
			`grew ${mebibytes(memory.oursGrowth)} vs ${mebibytes(memory.theirsGrowth)}; heap kept after GC ${mebibytes(memory.oursRetained)} vs ${mebibytes(memory.theirsRetained)}`,
		baseline: 'the same HTTP Request run, process with the same modules loaded',
		result: `ours/theirs ${ratio(memory.value)}`,
	};
	if (!memoryRow.met) {
		const spread = (list: Measured[]) => {
			const grown = list.map((r) => r.peakRss - r.rssBefore);
			return `${mebibytes(Math.min(...grown))}–${mebibytes(Math.max(...grown))}`;
		};
		memoryRow.note =
			`Missed in this run (ratio of each repetition: ${memory.samples.map((r) => r.toFixed(2)).join(', ')}). After a full GC the ` +
			`two keep ${mebibytes(memory.oursRetained)} and ${mebibytes(memory.theirsRetained)} of heap with their 100,000 items; the peak is how far ` +
			`V8 lets the heap grow between collections while the items are built, which moves between repetitions of the same arm ` +
			`(growth ours ${spread(fast.ours)}, HTTP Request ${spread(fast.theirs)}).`;
	}
	rows.push(memoryRow);
	const slowTime = timeFigures(slow);
	const slowMemory = memoryFigures(slow);
	const floor = REQUESTS * options.latency;
	rows.push({
		id: '6c',
		title: `The same at ${options.latency} ms latency per page: time and peak RSS`,
		measured:
			`ours ${seconds(slowTime.ours)}, HTTP Request ${seconds(slowTime.theirs)} (floor ${REQUESTS} × ${options.latency} ms = ${seconds(floor)}); ` +
			`peak RSS ${mebibytes(slowMemory.ours)} vs ${mebibytes(slowMemory.theirs)}`,
		baseline: peer,
		result: `time ${ratio(slowTime.value)}, RSS ${ratio(slowMemory.value)}`,
		value: slowTime.value,
		target: 'report',
		met: null,
		samples: slowTime.samples,
		reps: slowTime.samples.length,
		extra: { ...extra(slow), rssRatios: slowMemory.samples },
	});
}

/** The figures of a row with a target "≤ limit×": met or not, and each repetition's ratio when not. */
function judged(figure: { value: number; samples: number[] }, limit: number) {
	const met = figure.value <= limit;
	return {
		value: figure.value,
		target: `≤ ${limit.toFixed(1)}×`,
		met,
		samples: figure.samples,
		reps: figure.samples.length,
		note: met ? undefined : `Missed in this run (ratio of each repetition: ${figure.samples.map((r) => r.toFixed(2)).join(', ')}).`,
	};
}

function notRun(id: string, note: string, title = "List against n8n's HTTP Request node: not run"): Row {
	return { id, title, measured: '–', baseline: '–', result: '–', value: NaN, target: '–', met: null, samples: [], reps: 0, note };
}

/** The two arms of a case, and what the simulator serves them. */
interface Pair {
	what: string;
	ours: ArmName;
	theirs: ArmName;
	/** Reports: which /v2/queries report (one row per device). */
	report?: string;
}

const LIST: Pair = { what: 'case 6', ours: 'ours-list', theirs: 'http-list' };

/** One repetition = our run and the HTTP Request node's, one after the other, alternating which goes first. */
async function runSide(reps: number, latency: number, pair: Pair = LIST): Promise<Side> {
	const sim = await SimProcess.start({ api: 'ninjaOne', devices: DEVICES, latency, keepLog: true });
	const spec = (arm: ArmName): ArmSpec => ({ arm, sim: sim.info, pageSize: PAGE, expect: DEVICES, report: pair.report, loadHttpRequestNode: true });
	const side: Side = { ours: [], theirs: [] };
	try {
		for (let rep = 1; rep <= reps; rep++) {
			log(`${pair.what}${latency ? ` at ${latency} ms` : ''}: repetition ${rep}/${reps}${latency ? ` (about ${seconds(2 * REQUESTS * latency + 8000)})` : ''}`);
			const order = rep % 2 ? [pair.ours, pair.theirs] : [pair.theirs, pair.ours];
			for (const arm of order) {
				const result = await measure(spec(arm), sim, `${pair.what} ${arm}`);
				const requests = result.simStats.gaps.length + 1;
				if (requests !== REQUESTS) throw new Error(`${pair.what} ${arm}: ${requests} requests, expected ${REQUESTS}`);
				(arm === pair.ours ? side.ours : side.theirs).push(result);
			}
		}
	} finally {
		await sim.stop();
	}
	return side;
}

const medianOf = (list: Measured[], pick: (r: Measured) => number) => median(list.map(pick));

function timeFigures(side: Side) {
	const samples = side.ours.map((r, i) => r.ms / side.theirs[i].ms);
	return {
		value: median(samples),
		samples,
		cpuRatio: median(side.ours.map((r, i) => r.cpuMs / side.theirs[i].cpuMs)),
		busyRatio: median(side.ours.map((r, i) => busy(r) / busy(side.theirs[i]))),
		simCpu: medianOf([...side.ours, ...side.theirs], (r) => r.simCpuMs),
		ours: medianOf(side.ours, (r) => r.ms),
		theirs: medianOf(side.theirs, (r) => r.ms),
		oursCpu: medianOf(side.ours, (r) => r.cpuMs),
		theirsCpu: medianOf(side.theirs, (r) => r.cpuMs),
		oursCredential: medianOf(side.ours, (r) => r.credentialMs ?? NaN),
		theirsCredential: medianOf(side.theirs, (r) => r.credentialMs ?? NaN),
	};
}

function memoryFigures(side: Side) {
	const samples = side.ours.map((r, i) => r.peakRss / side.theirs[i].peakRss);
	const growth = (r: Measured) => r.peakRss - r.rssBefore;
	return {
		value: median(samples),
		samples,
		ours: medianOf(side.ours, (r) => r.peakRss),
		theirs: medianOf(side.theirs, (r) => r.peakRss),
		before: medianOf([...side.ours, ...side.theirs], (r) => r.rssBefore),
		oursGrowth: medianOf(side.ours, growth),
		theirsGrowth: medianOf(side.theirs, growth),
		oursRetained: medianOf(side.ours, (r) => r.heapRetained ?? NaN),
		theirsRetained: medianOf(side.theirs, (r) => r.heapRetained ?? NaN),
	};
}

function extra(side: Side): Record<string, unknown> {
	const each = (list: Measured[], pick: (r: Measured) => number | undefined) => list.map(pick);
	return {
		oursMs: each(side.ours, (r) => r.ms),
		theirsMs: each(side.theirs, (r) => r.ms),
		oursCpuMs: each(side.ours, (r) => r.cpuMs),
		theirsCpuMs: each(side.theirs, (r) => r.cpuMs),
		oursCredentialMs: each(side.ours, (r) => r.credentialMs),
		theirsCredentialMs: each(side.theirs, (r) => r.credentialMs),
		oursSimCpuMs: each(side.ours, (r) => r.simCpuMs),
		theirsSimCpuMs: each(side.theirs, (r) => r.simCpuMs),
		oursPeakRss: each(side.ours, (r) => r.peakRss),
		theirsPeakRss: each(side.theirs, (r) => r.peakRss),
		oursRssBefore: each(side.ours, (r) => r.rssBefore),
		theirsRssBefore: each(side.theirs, (r) => r.rssBefore),
		oursHeapRetained: each(side.ours, (r) => r.heapRetained),
		theirsHeapRetained: each(side.theirs, (r) => r.heapRetained),
	};
}

/* Case 7: a /v2/queries report of 100,000 rows by NinjaOne's named cursor, ours (Report > Get)
   against the HTTP Request node paging by `cursor`. It runs once the NinjaOne node has a Report
   resource with the report below; until then it is skipped with a line in the table. */

/** One row per device in the simulator, so 100,000 devices give 100,000 rows. */
const REPORT = 'device-health';

/** Whether the NinjaOne node offers Report > Get for REPORT (it comes with issue 10). */
function hasReport(): boolean {
	const properties = new NinjaOne().description.properties;
	const offers = (name: string, value: string) =>
		properties.some((p) => p.name === name && (p.options ?? []).some((o) => 'value' in o && o.value === value));
	return offers('resource', 'report') && offers('operation', 'get') && offers('report', REPORT);
}

export async function reportCase(options: Pick<HttpListOptions, 'reps'>, rows: Row[]): Promise<void> {
	const http = findHttpRequestNode();
	const title = `/v2/queries/${REPORT} report against n8n's HTTP Request node: not run`;
	if (!hasReport()) {
		rows.push(notRun('7', 'The NinjaOne node has no Report resource yet (Report > Get over /v2/queries): case 7 runs once it has.', title));
		return;
	}
	if ('missing' in http) {
		rows.push(notRun('7', `Case 7 loads n8n's HTTP Request node from the real n8n the e2e tests install, and ${http.missing}.`, title));
		return;
	}
	const side = await runSide(options.reps ?? 5, 0, { what: 'case 7', ours: 'ours-report', theirs: 'http-report', report: REPORT });
	const time = timeFigures(side);
	const memory = memoryFigures(side);
	const rowsCount = DEVICES.toLocaleString('en-US');
	const peer = `HTTP Request node (n8n-nodes-base ${http.version}, v4.2) paging by \`cursor\`, same credential, same run`;
	rows.push({
		id: '7a',
		title: `Report ${REPORT}, ${rowsCount} rows by cursor, page size ${PAGE}, interval 0: time`,
		measured:
			`ours ${seconds(time.ours)}, HTTP Request ${seconds(time.theirs)}; CPU of the process ${seconds(time.oursCpu)} vs ${seconds(time.theirsCpu)}, ` +
			`of which n8n reading the credential ${millis(time.oursCredential)} vs ${millis(time.theirsCredential)}; ${REQUESTS} requests each`,
		baseline: peer,
		result: `ours/theirs ${ratio(time.value)}`,
		value: time.value,
		target: 'report',
		met: null,
		samples: time.samples,
		reps: time.samples.length,
		note:
			'The HTTP Request node outputs one item per page ({cursor, results}); one item per row, as ours, takes a Split Out node ' +
			'after it, which this comparison leaves out (in its favour).',
		extra: extra(side),
	});
	rows.push({
		id: '7b',
		title: `Report ${REPORT}, ${rowsCount} rows: peak RSS of the process`,
		measured: `ours ${mebibytes(memory.ours)}, HTTP Request ${mebibytes(memory.theirs)} (both ${mebibytes(memory.before)} before the run); heap kept after GC ${mebibytes(memory.oursRetained)} vs ${mebibytes(memory.theirsRetained)}`,
		baseline: 'the same HTTP Request run, process with the same modules loaded',
		result: `ours/theirs ${ratio(memory.value)}`,
		value: memory.value,
		target: 'report',
		met: null,
		samples: memory.samples,
		reps: memory.samples.length,
	});
}
