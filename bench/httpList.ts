import type { ArmName, ArmSpec } from './arms';
import { findHttpRequestNode } from './httpNode';
import { log, type Measured, measure } from './measure';
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
	rows.push({
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
	});
	const memory = memoryFigures(fast);
	rows.push({
		...judged(memory, 1),
		id: '6b',
		title: `List ${devices} devices against n8n's HTTP Request node: peak RSS of the process`,
		measured:
			`ours ${mebibytes(memory.ours)}, HTTP Request ${mebibytes(memory.theirs)} (both ${mebibytes(memory.before)} before the run); ` +
			`grew ${mebibytes(memory.oursGrowth)} vs ${mebibytes(memory.theirsGrowth)}; heap kept after GC ${mebibytes(memory.oursRetained)} vs ${mebibytes(memory.theirsRetained)}`,
		baseline: 'the same HTTP Request run, process with the same modules loaded',
		result: `ours/theirs ${ratio(memory.value)}`,
	});
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

function notRun(id: string, note: string): Row {
	return { id, title: "List against n8n's HTTP Request node: not run", measured: '–', baseline: '–', result: '–', value: NaN, target: '–', met: null, samples: [], reps: 0, note };
}

/** One repetition = our list and the HTTP Request node's, one after the other, alternating which goes first. */
async function runSide(reps: number, latency: number): Promise<Side> {
	const sim = await SimProcess.start({ api: 'ninjaOne', devices: DEVICES, latency, keepLog: true });
	const spec = (arm: ArmName): ArmSpec => ({ arm, sim: sim.info, pageSize: PAGE, expect: DEVICES, loadHttpRequestNode: true });
	const side: Side = { ours: [], theirs: [] };
	try {
		for (let rep = 1; rep <= reps; rep++) {
			log(`case 6${latency ? 'c' : 'a/b'}: repetition ${rep}/${reps}${latency ? ` (about ${seconds(2 * REQUESTS * latency + 8000)})` : ''}`);
			const order: ArmName[] = rep % 2 ? ['ours-list', 'http-list'] : ['http-list', 'ours-list'];
			for (const arm of order) {
				const result = await measure(spec(arm), sim, `case 6 ${arm}`);
				const requests = result.simStats.gaps.length + 1;
				if (requests !== REQUESTS) throw new Error(`case 6 ${arm}: ${requests} requests, expected ${REQUESTS}`);
				(arm === 'ours-list' ? side.ours : side.theirs).push(result);
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
