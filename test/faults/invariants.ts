import type { IDataObject } from 'n8n-workflow';

import { type NodeRun, pairedIndex } from '../harness/engine';
import type { SimRequest } from '../../simulator/server';

/* The invariants every fault scenario must keep: nothing lost, nothing sent twice, nothing
   leaked. Shared by the NinjaOne and Nexthink fault suites. */

/**
 * Under "Continue": every input item is answered, in order (one item, or one per row for lists),
 * and exactly the expected ones failed, each with one envelope carrying its message.
 */
export function expectNothingLost(run: NodeRun, failed: boolean[]): void {
	expect(run.error).toBeUndefined();
	const paired = run.items.map(pairedIndex);
	expect(paired).toEqual([...paired].sort((a, b) => (a ?? 0) - (b ?? 0)));
	expect([...new Set(paired)]).toEqual(failed.map((_, i) => i));
	for (const [i, shouldFail] of failed.entries()) {
		const mine = run.json.filter((_, n) => paired[n] === i);
		for (const json of mine) expect(Object.keys(json).sort()).toEqual(['error', 'has_error', 'result']);
		if (shouldFail) {
			expect(mine).toHaveLength(1);
			expect(mine[0].has_error).toBe(true);
			expect(typeof mine[0].error === 'string' && mine[0].error.length > 0).toBe(true);
		} else {
			expect(mine.map((json) => [json.has_error, json.error])).toEqual(mine.map(() => [false, null]));
		}
	}
}

/** Under "Continue (using error output)": the failed items, and only they, on output 1. */
export function expectRoutedToErrorOutput(run: NodeRun, failed: boolean[]): void {
	expect(run.error).toBeUndefined();
	const ok = failed.flatMap((f, i) => (f ? [] : [i]));
	const bad = failed.flatMap((f, i) => (f ? [i] : []));
	expect([...new Set(run.outputs[0].map(pairedIndex))]).toEqual(ok);
	expect((run.outputs[1] ?? []).map(pairedIndex)).toEqual(bad);
	for (const item of run.outputs[1] ?? []) expect(String(item.json.error)).not.toBe('');
}

/**
 * Side-effecting requests, keyed so that a re-sent request has the same key as the first (a
 * device path, a request UID): none is received twice unless the server answered one of them
 * with 429, which means it did not carry it out. `keyOf` is undefined for other requests.
 */
export function expectNothingSentTwice(
	log: SimRequest[],
	keyOf: (r: SimRequest) => string | undefined,
	rateLimited: Set<string>,
): void {
	const counts = new Map<string, number>();
	for (const request of log) {
		const key = keyOf(request);
		if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
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
