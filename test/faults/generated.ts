import fc from 'fast-check';
import type { INodeParameters } from 'n8n-workflow';

import type { NodeRun } from '../harness/engine';

/* What the property suites feed the nodes: values a user could type, or an expression could
   return, including the nasty ones. */

const tricky = fc.constantFrom(
	'../', '..', '.', '?', '#', '/', '%2e%2e', '1/../../organizations', '1?pageSize=1', '1#x', ' 1 ', '-1', '0', '1.5', '1e3',
	'9007199254740993', '2147483648', 'NaN', 'Infinity', 'null', 'true', '{', '[1,', '{"a":', '[]', '{}', '[{}]', '""', '',
	'   ', '\u0000', '\u202e', '😀', 'ALERTS', 'approve', '2030-13-01T00:00:00', '2030-01-01T25:00:00', '2030-01-01', '2030-01-01T00:00:00+99:00',
);
/** A value as a user could type it, or as an expression could return it (any JSON type). */
export const anyValue = fc.oneof(
	tricky,
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 20 }),
	fc.integer().map(String),
	fc.double({ noNaN: false }).map(String),
	fc.jsonValue({ maxDepth: 2 })
		.map((v) => JSON.stringify(v) ?? 'null')
		.filter((text) => !text.includes('{{') && !text.includes('}}'))
		.map((text) => `={{ ${text} }}`),
	fc.constant('={{ Array.from({ length: 100000 }, (_, i) => i + 1) }}'),
	fc.constant('={{ [] }}'),
);

export function withValue(base: INodeParameters, path: string, value: unknown): INodeParameters {
	const copy = JSON.parse(JSON.stringify(base)) as Record<string, any>;
	const keys = path.split('.');
	let cursor = copy;
	for (const key of keys.slice(0, -1)) cursor = cursor[key] ??= {};
	cursor[keys[keys.length - 1]] = value;
	return copy as INodeParameters;
}


/** 60 runs per operation in CI with a fixed seed; FC_RUNS and FC_SEED explore further. */
export const FC_OPTIONS = {
	numRuns: Number(process.env.FC_RUNS ?? 60),
	seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261122,
};

/**
 * Runs one generated case. It passes when n8n refused to start the node (a required parameter
 * left empty), or the run ended without error, or with a NodeOperationError that names the field
 * and the item, or with an API error; never with anything else (a TypeError, say).
 */
export async function expectHandled(where: string, start: () => Promise<NodeRun>, sentNothing: () => boolean): Promise<NodeRun | undefined> {
	let run: NodeRun;
	try {
		run = await start();
	} catch (error) {
		expect({ where, name: (error as Error).name }).toEqual({ where, name: 'WorkflowHasIssuesError' });
		expect(sentNothing()).toBe(true);
		return undefined;
	}
	if (run.error) {
		const name = String(run.error.name);
		expect({ where, name }).toEqual({ where, name: expect.stringMatching(/^(NodeOperationError|NodeApiError)$/) });
		if (name === 'NodeOperationError') {
			expect({ where, message: run.error.message }).toEqual({ where, message: expect.stringMatching(/^[A-Z][^\n]* \(item 0\): /) });
		}
		expect(run.error.message).not.toMatch(/Cannot read|is not a function|undefined is not|TypeError/);
	}
	return run;
}

