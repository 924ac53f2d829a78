import { mkdirSync, writeFileSync } from 'fs';
import { Session } from 'inspector/promises';
import { join } from 'path';
import { writeHeapSnapshot } from 'v8';

import { type ArmSpec, makeArm } from './arms';
import { median } from './stats';

/* Measured runs in a process of their own (peak RSS never goes down within a process).
   Started by bench/main.ts over IPC with argv[2] = JSON ArmSpec. Every arm loads the same
   modules (n8n-core, n8n-workflow, the harness, the nodes) before it starts, so the memory
   compared is what the run adds, not what loading n8n costs. It warms up, says `ready`,
   waits for `go` (so that arms meant to run side by side start together), runs (once unless
   the spec asks for more), and answers with the times and the memory.
   BENCH_PROFILE_DIR=dir profiles the first measured run alone (no loading, no warm-up) into
   dir/<arm>-<pid>.cpuprofile, and writes a heap snapshot right after it with the output still
   referenced (dir/<arm>-<pid>.heapsnapshot). */

const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

/** Starts the CPU profiler; the returned function stops it and writes the profile and a heap snapshot. */
async function startProfile(name: string): Promise<() => Promise<void>> {
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	return async () => {
		const { profile } = await session.post('Profiler.stop');
		session.disconnect();
		mkdirSync(PROFILE_DIR!, { recursive: true });
		writeFileSync(join(PROFILE_DIR!, `${name}.cpuprofile`), JSON.stringify(profile));
		writeHeapSnapshot(join(PROFILE_DIR!, `${name}.heapsnapshot`));
	};
}

export interface ArmResult {
	/** Wall time of the measured run, ms (the median where there are several runs). */
	ms: number;
	/** Wall time of each run, ms. */
	times: number[];
	/** CPU time (user + system) of this process during the first run, ms. */
	cpuMs: number;
	/** Peak RSS of the process (bytes), from process.resourceUsage().maxRSS. */
	peakRss: number;
	/** RSS after loading and warming up, just before the measured run (bytes). */
	rssBefore: number;
	/** Heap still used after the first run with its output referenced, after a full GC (bytes). */
	heapRetained?: number;
	/** Time n8n spent reading the credential during the first run (ms), where it applies. */
	credentialMs?: number;
	count: number;
	problems: string[];
}

async function main(): Promise<void> {
	const spec = JSON.parse(process.argv[2]) as ArmSpec;
	const arm = makeArm(spec);
	await arm.warmup();
	global.gc?.();
	const rssBefore = process.memoryUsage().rss;
	await new Promise<void>((resolve) => {
		process.once('message', () => resolve());
		process.send!({ type: 'ready' });
	});
	const times: number[] = [];
	let first: Awaited<ReturnType<typeof arm.run>> | undefined;
	let cpuMs = 0;
	let heapRetained: number | undefined;
	for (let i = 0; i < (spec.runs ?? 1); i++) {
		const stopProfile = PROFILE_DIR && i === 0 ? await startProfile(`${spec.arm}-${process.pid}`) : undefined;
		const cpu = process.cpuUsage();
		const start = performance.now();
		const outcome = await arm.run();
		times.push(performance.now() - start);
		const used = process.cpuUsage(cpu);
		// Profiling (and the snapshot's memory) only where asked, after the figures are taken.
		await stopProfile?.();
		if (i === 0) {
			cpuMs = (used.user + used.system) / 1000;
			first = outcome;
			if (global.gc) {
				global.gc();
				heapRetained = process.memoryUsage().heapUsed;
			}
			// Later runs (when there are several) start from the same heap as the first.
			outcome.keep = undefined;
		} else {
			first!.problems.push(...outcome.problems);
		}
	}
	const peakRss = process.resourceUsage().maxRSS * 1024;
	const result: ArmResult = {
		ms: median(times),
		times,
		cpuMs,
		peakRss,
		rssBefore,
		heapRetained,
		credentialMs: first!.credentialMs,
		count: first!.count,
		problems: first!.problems,
	};
	process.send!({ type: 'result', result }, undefined, {}, () => process.exit(0));
}

main().catch((error) => {
	const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
	if (process.send) process.send({ type: 'error', message }, undefined, {}, () => process.exit(1));
	else {
		console.error(message);
		process.exit(1);
	}
});
