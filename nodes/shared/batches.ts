import { FailedWithResult } from './envelope';

/** Splits `list` into consecutive batches of at most `size` entries. */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < list.length; start += size) batches.push(list.slice(start, start + size));
	return batches;
}

export interface BatchOptions<Answer> {
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
	const answers: Answer[] = [];
	for (const [index, batch] of batches.entries()) {
		try {
			answers.push(await send(batch));
		} catch (error) {
			// Nothing was sent yet: the error stays as it is (a NodeApiError from sendRequest).
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			if (index === 0) throw error;
			const sent = index * size;
			// The router turns this into a NodeOperationError that keeps the partial result.
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error
			throw new FailedWithResult(
				`Batch ${index + 1} of ${batches.length} failed: ${(error as Error).message}. ` +
					`The ${index} batch${index > 1 ? 'es' : ''} before it (${sent} of ${list.length} ${options.noun}) had already been sent.`,
				options.partialResult(answers),
			);
		}
	}
	return answers;
}
