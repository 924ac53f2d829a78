// Generated from common/batches.ts by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.
import type { INode } from 'n8n-workflow';

import { failedWithResult } from './envelope';

/** Splits `list` into consecutive batches of at most `size` entries. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

export interface BatchOptions<Answer> {
	/** The node, for its errors. */
	node: INode;
	/** What the entries are, for messages: "devices". */
	noun: string;
	/** The result to keep when a later batch fails after earlier ones were sent. */
	partialResult: (answers: Answer[]) => unknown;
}

/**
 * Sends `list` in batches of at most `size`, one after the other so that the request clock
 * spaces them, and returns the answers in order. When a batch fails after others were sent,
 * the failure keeps what was already sent: those requests cannot be taken back.
 */
export async function sendInBatches<T, Answer>(
	list: readonly T[],
	size: number,
	send: (batch: T[]) => Promise<Answer>,
	options: BatchOptions<Answer>,
): Promise<Answer[]> {
	const batches = chunk(list, size);
	if (batches.length === 0) return [];
	// Until the first batch is through nothing was sent: its failure (a NodeApiError) stays as it is.
	const answers: Answer[] = [await send(batches[0])];
	for (let index = 1; index < batches.length; index++) {
		try {
			answers.push(await send(batches[index]));
		} catch (error) {
			const sent = index * size;
			const failure = failedWithResult(
				options.node,
				`Batch ${index + 1} of ${batches.length} failed: ${(error as Error).message}. ` +
					`The ${index} batch${index > 1 ? 'es' : ''} before it (${sent} of ${list.length} ${options.noun}) had already been sent.`,
				options.partialResult(answers),
			);
			throw failure;
		}
	}
	return answers;
}
