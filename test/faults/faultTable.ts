import type { Fault } from '../../simulator/server';

/* The faults every operation family meets, with what must happen: a read recovers where a
   retry is safe (a single 500 too), a write is never re-sent unless the server said 429, and every failure
   reads as the API's name, the status and what went wrong. */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Outcome = 'recovers' | 'fails';

export interface FaultCase {
	name: string;
	fault: Omit<Fault, 'route'>;
	/** `readByPost`: a read sent as POST (an NQL query, a board run), retried like a GET. */
	outcome: (method: Method, readByPost?: boolean) => Outcome;
	/** The failed item's message, after `<API name>`. */
	message: RegExp;
}

const retrySafe = (method: Method, readByPost = false) => readByPost || (method !== 'POST' && method !== 'PATCH');
const ifSafe = (method: Method, readByPost?: boolean): Outcome => (retrySafe(method, readByPost) ? 'recovers' : 'fails');
/** A read (a GET, or a read sent as POST) answered 500 is tried once more. */
const ifRead = (method: Method, readByPost = false): Outcome => (method === 'GET' || readByPost ? 'recovers' : 'fails');

export function faultCases(apiName: string): FaultCase[] {
	const api = apiName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const said = (rest: string) => new RegExp(`^${api}${rest}`);
	return [
		{ name: '429 with Retry-After seconds', fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' }, times: 1 }, outcome: () => 'recovers', message: /./ },
		{ name: '429 with Retry-After as a date', fault: { kind: 'status', status: 429, headers: { 'retry-after': new Date(Date.now() + 800).toUTCString() }, times: 1 }, outcome: () => 'recovers', message: /./ },
		{ name: '429 without Retry-After', fault: { kind: 'status', status: 429, times: 1 }, outcome: () => 'recovers', message: /./ },
		{ name: '500', fault: { kind: 'status', status: 500, body: { message: 'Unexpected failure' }, times: 1 }, outcome: ifRead, message: said(' 500: .*Unexpected failure') },
		{ name: '502', fault: { kind: 'status', status: 502, headers: { 'retry-after': '0' }, times: 1 }, outcome: ifSafe, message: said(' 502: Bad Gateway') },
		{ name: '503', fault: { kind: 'status', status: 503, headers: { 'retry-after': '0' }, times: 1 }, outcome: ifSafe, message: said(' 503: Service Unavailable') },
		{ name: '504', fault: { kind: 'status', status: 504, headers: { 'retry-after': '0' }, times: 1 }, outcome: ifSafe, message: said(' 504: Gateway Timeout') },
		{ name: 'a reset before any byte', fault: { kind: 'reset', times: 1 }, outcome: ifSafe, message: said(': the request could not be completed: socket hang up \\(ECONNRESET\\)') },
		{ name: 'a reset in the middle of the body', fault: { kind: 'resetMidBody', times: 1 }, outcome: ifSafe, message: said(': the request could not be completed: the connection closed in the middle of the answer \\(ECONNRESET\\)') },
		{ name: 'an answer slower than the timeout', fault: { kind: 'slow', delay: 2500, times: 1 }, outcome: ifSafe, message: said(': the request could not be completed: timeout of \\d+ms exceeded \\(ECONNABORTED\\)') },
		{ name: 'truncated JSON', fault: { kind: 'truncatedJson', times: 1 }, outcome: () => 'fails', message: said(' 200: the answer is not valid JSON') },
		{ name: 'an HTML page with 200', fault: { kind: 'html', status: 200, times: 1 }, outcome: () => 'fails', message: said(' 200: the answer is not valid JSON \\(it starts with "<!DOCTYPE html>') },
		{ name: 'an HTML page with 503', fault: { kind: 'html', status: 503, times: 1 }, outcome: ifSafe, message: said(' 503: Service Unavailable \\(an HTML page instead of JSON\\)') },
		{ name: 'an empty body', fault: { kind: 'empty', times: 1 }, outcome: (m) => (m === 'GET' ? 'fails' : 'recovers'), message: said(' 200: the answer was empty where JSON was expected') },
	];
}
