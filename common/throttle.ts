import { sleep } from 'n8n-workflow';

/**
 * The request clock of one node execution: the start of each API request is at least
 * `interval` ms after the start of the previous one. It waits only for what remains of the
 * interval, so latency already spent counts towards it.
 */
export class RequestClock {
	private lastStart: number | undefined;

	/** How long one request may take, in ms: the node's Timeout option, read per item. */
	timeout = 60_000;

	constructor(
		public interval: number,
		private readonly signal?: AbortSignal,
	) {}

	/** Waits until the next request may start, then records its start. */
	async next(): Promise<void> {
		if (this.lastStart !== undefined && this.interval > 0) {
			// Timers may fire a fraction of a millisecond early: wait until the interval has passed.
			for (let remaining = this.remaining(); remaining > 0; remaining = this.remaining()) {
				await pause(Math.ceil(remaining), this.signal);
			}
		}
		this.lastStart = performance.now();
	}

	private remaining(): number {
		return (this.lastStart ?? 0) + this.interval - performance.now();
	}
}

/**
 * An abortable wait. n8n-workflow's `sleep` rejects as soon as the execution is cancelled;
 * n8n 1.x ignores the signal, so it is checked again afterwards.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	throwIfAborted(signal);
	await sleep(ms, signal);
	throwIfAborted(signal);
}

export function throwIfAborted(signal?: AbortSignal): void {
	if (signal?.aborted) {
		throw signal.reason instanceof Error ? signal.reason : new Error('The execution was cancelled');
	}
}
