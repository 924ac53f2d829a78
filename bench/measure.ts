import type { ArmSpec } from './arms';
import type { ArmResult } from './armProcess';
import { runTogether, type SimProcess } from './processes';
import type { SimStats } from './simProcess';

/* What every case does with an arm's result and the simulator's figures. */

/** An arm's result with what the simulator saw of the measured run (its request log only where kept). */
export type Measured = ArmResult & { simCpuMs: number; simStats: SimStats };

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export function check(results: ArmResult[], what: string): void {
	for (const result of results) {
		if (result.problems.length > 0) throw new Error(`${what}: ${result.problems.join('; ')}`);
	}
}

export async function checkSim(sim: SimProcess, what: string): Promise<SimStats> {
	const stats = await sim.command<SimStats>({ cmd: 'stats' });
	if (stats.violations.length > 0) throw new Error(`${what}: the simulator saw requests against the spec: ${stats.violations[0]}`);
	return stats;
}

/** One arm alone against `sim`, with the simulator's CPU time during the measured run. */
export async function measure(spec: ArmSpec, sim: SimProcess, what: string): Promise<Measured> {
	const [result] = await runTogether([spec], async () => void (await sim.command({ cmd: 'stats' })));
	check([result], what);
	const stats = await checkSim(sim, what);
	return { ...result, simCpuMs: stats.cpuMs, simStats: stats };
}

/** CPU of the node's process and of the simulator together: what the wall time would be on an idle machine, about. */
export const busy = (result: { cpuMs: number; simCpuMs: number }) => result.cpuMs + result.simCpuMs;
