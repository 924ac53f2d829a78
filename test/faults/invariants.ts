import type { IDataObject } from 'n8n-workflow';

import { type NodeRun, pairedIndex } from '../harness/engine';
import type { SimRequest } from '../simulator/server';

/* The invariants every fault scenario must keep: nothing lost, nothing sent twice, nothing
   leaked. Shared by the NinjaOne and Nexthink fault suites. */

/** Under "Continue": one output item per input, in order, failed exactly where expected. */
export function expectNothingLost(run: NodeRun, failed: boolean[]): void {
	expect(run.error).toBeUndefined();
	expect(run.items.map(pairedIndex)).toEqual(failed.map((_, i) => i));
	expect(run.json.map((j) => j.has_error)).toEqual(failed);
	for (const [i, json] of run.json.entries()) {
		expect(Object.keys(json).sort()).toEqual(['error', 'has_error', 'result']);
		if (failed[i]) expect(typeof json.error === 'string' && json.error.length > 0).toBe(true);
		else expect(json.error).toBeNull();
	}
}

/** Under "Continue (using error output)": the failed items, and only they, on output 1. */
export function expectRoutedToErrorOutput(run: NodeRun, failed: boolean[]): void {
	expect(run.error).toBeUndefined();
	const ok = failed.flatMap((f, i) => (f ? [] : [i]));
	const bad = failed.flatMap((f, i) => (f ? [i] : []));
	expect(run.outputs[0].map(pairedIndex)).toEqual(ok);
	expect((run.outputs[1] ?? []).map(pairedIndex)).toEqual(bad);
	for (const item of run.outputs[1] ?? []) expect(String(item.json.error)).not.toBe('');
}

/**
 * Side-effecting requests per target: none received twice unless the server answered one of
 * them with 429 (which means it did not carry it out).
 */
export function expectNothingSentTwice(log: SimRequest[], isSideEffect: (r: SimRequest) => boolean, rateLimited: Set<string>): void {
	const counts = new Map<string, number>();
	for (const request of log.filter(isSideEffect)) {
		const key = `${request.method} ${request.pathname}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	for (const [key, count] of counts) {
		if (!rateLimited.has(key)) expect({ key, count }).toEqual({ key, count: 1 });
	}
}

/** No secret string anywhere in what the user or the execution log can see. */
export function expectNoSecrets(runs: NodeRun[], secrets: string[]): void {
	const visible = JSON.stringify(
		runs.map((run) => ({
			outputs: run.outputs,
			error: run.error,
			message: run.error?.message,
			description: (run.error as IDataObject | undefined)?.description,
			resultData: run.run.data.resultData,
		})),
	);
	for (const secret of secrets) expect(visible.includes(secret) ? secret : 'absent').toBe('absent');
	expect(visible).not.toMatch(/(Bearer|Basic) [A-Za-z0-9+/=._-]{8,}/);
}
