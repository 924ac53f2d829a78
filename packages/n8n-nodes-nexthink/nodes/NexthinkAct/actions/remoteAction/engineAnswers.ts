import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../../shared/envelope';

/** The codes an Engine answers a run with; every summary counts each of them. */
export const ENGINE_CODES = ['ok', 'timeout', 'engine_error', 'not_connected', 'excluded', 'unknown', 'no_permission'];

export interface EngineAnswer {
	databaseUid: string;
	code: string;
	message: string;
}

/** One run request and the Engines' answers to it. */
export interface RunAnswer {
	requestUid: string;
	engines: EngineAnswer[];
}

/** The Engines' answers; none when the Portal answered without a body. */
export function readEngineAnswers(body: unknown): EngineAnswer[] {
	if (body === undefined) return [];
	if (!Array.isArray(body)) {
		throw new Error(`The Portal answered the run with ${JSON.stringify(body)?.slice(0, 80)} instead of a list of Engine answers`);
	}
	return body.map((answer) => {
		if (!isJsonObject(answer) || typeof answer.databaseUid !== 'string' || typeof answer.code !== 'string') {
			throw new Error(`The Portal answered the run with an Engine answer of an unknown shape: ${JSON.stringify(answer).slice(0, 120)}`);
		}
		return { databaseUid: answer.databaseUid, code: answer.code, message: typeof answer.message === 'string' ? answer.message : '' };
	});
}

/**
 * One entry per Engine. Over several requests an Engine is `ok` only if it answered `ok` to
 * each; otherwise it takes its first other answer, and `answers` lists them all.
 */
export function mergeEngineAnswers(runs: RunAnswer[]): IDataObject[] {
	const byEngine = new Map<string, Array<EngineAnswer & { requestUid: string }>>();
	for (const run of runs) {
		for (const answer of run.engines) {
			const answers = byEngine.get(answer.databaseUid) ?? [];
			answers.push({ ...answer, requestUid: run.requestUid });
			byEngine.set(answer.databaseUid, answers);
		}
	}
	return [...byEngine.entries()].map(([databaseUid, answers]) => {
		const chosen = answers.find((a) => a.code !== 'ok') ?? answers[0];
		const merged: IDataObject = { databaseUid, code: chosen.code, message: chosen.message };
		if (runs.length > 1) {
			merged.answers = answers.map(({ requestUid, code, message }) => ({ requestUid, code, message }));
		}
		return merged;
	});
}

export function summarize(engines: IDataObject[]): { counts: Record<string, number>; failedEngines: IDataObject[] } {
	const counts: Record<string, number> = Object.fromEntries(ENGINE_CODES.map((code) => [code, 0]));
	for (const engine of engines) counts[String(engine.code)] = (counts[String(engine.code)] ?? 0) + 1;
	const failedEngines = engines
		.filter((engine) => engine.code !== 'ok')
		.map(({ name, databaseUid, code, message }) => ({ ...(name !== undefined ? { name } : {}), databaseUid, code, message }));
	return { counts, failedEngines };
}

export function engineFailureMessage(failed: IDataObject[], total: number): string {
	const list = failed.map((e) => `${e.name ?? e.databaseUid} (${e.code}${e.message ? `: ${e.message}` : ''})`).join(', ');
	return `${failed.length} of ${total} Engines did not answer ok: ${list}`;
}
