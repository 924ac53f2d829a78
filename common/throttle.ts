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

	/**
	 * Waits until the next request may start, then records its start. `interval` spaces this one
	 * request further from the previous one (never less than the clock's own interval).
	 */
	async next(interval = this.interval): Promise<void> {
		const spacing = Math.max(interval, this.interval);
		if (this.lastStart !== undefined && spacing > 0) {
			// Timers may fire a fraction of a millisecond early: wait until the interval has passed.
			for (let remaining = this.remaining(spacing); remaining > 0; remaining = this.remaining(spacing)) {
				await pause(Math.ceil(remaining), this.signal);
			}
		}
		this.mark();
	}

	/** Records a request's start without waiting. */
	mark(): void {
		this.lastStart = performance.now();
	}

	/** One request's turn, to be taken at the moment it is sent (see Turn). */
	turn(interval?: number): Turn {
		return new Turn(this, interval);
	}

	private remaining(spacing: number): number {
		return (this.lastStart ?? 0) + spacing - performance.now();
	}
}

/**
 * One attempt's turn on the clock, taken once, as late as the request path allows (after the
 * credential and any token fetch). An attempt that ended without taking it (nothing reached the
 * point of sending as foreseen) records its start when it settles, so the next request still keeps
 * its distance.
 */
export class Turn {
	private taken = false;

	constructor(
		private readonly clock: RequestClock,
		private readonly interval?: number,
	) {}

	async take(): Promise<void> {
		if (this.taken) return;
		this.taken = true;
		await this.clock.next(this.interval);
	}

	settle(): void {
		if (!this.taken) {
			this.taken = true;
			this.clock.mark();
		}
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
