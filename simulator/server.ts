import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { Readable } from 'stream';

/* The HTTP side of the simulators: a loopback server with a request log, an added latency,
   and faults that can be switched per route and per request number. */

export interface SimRequest {
	method: string;
	pathname: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	rawBody: string;
	body: unknown;
	/** When the request arrived (ms since epoch, with sub-ms precision). */
	at: number;
	/** This request's number on its route key ("METHOD /path"), from 1. */
	nthOnRoute: number;
	/** The status it was answered with, once answered (undefined for a dropped connection). */
	status?: number;
}

export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** A body written piece by piece as the client reads it (large answers), instead of `body`. */
	stream?: Iterable<string>;
}

export type FaultKind =
	| 'status'
	| 'reset'
	| 'resetMidBody'
	| 'slow'
	| 'truncatedJson'
	| 'html'
	| 'empty';

export interface Fault {
	/** Matches "METHOD /path"; a string is a prefix of that, a RegExp is tested against it. */
	route: string | RegExp;
	kind: FaultKind;
	/** Which matching requests fault, counted from 1 among the requests matching this fault; default all. */
	nth?: number[];
	/** How many matching requests fault at most; default unlimited. */
	times?: number;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** For `slow`: the delay before answering. */
	delay?: number;
	/** Counted by the server. */
	seen?: number;
	fired?: number;
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export class SimServer {
	readonly log: SimRequest[] = [];
	/** Added before every answer, in ms. */
	latency = 0;
	faults: Fault[] = [];
	/** Keep the log (tests); the benchmarks turn it off to measure the nodes, not the simulator. */
	keepLog = true;
	private server?: Server;
	private readonly routeCounts = new Map<string, number>();
	private readonly sockets = new Set<import('net').Socket>();
	url = '';

	constructor(private readonly handler: Handler) {}

	async start(port = 0): Promise<string> {
		// Long URLs (huge filters from generated input) get an answer, not a dropped connection.
		this.server = createServer({ maxHeaderSize: 1 << 20 }, (req, res) => void this.serve(req, res));
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		const address = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${address.port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	reset(): void {
		this.log.length = 0;
		this.faults = [];
		this.latency = 0;
		this.routeCounts.clear();
	}

	/** Requests whose "METHOD /path" starts with `prefix` or matches it. */
	requests(route: string | RegExp): SimRequest[] {
		return this.log.filter((r) => matches(route, `${r.method} ${r.pathname}`));
	}

	private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const key = `${req.method} ${url.pathname}`;
		const nth = (this.routeCounts.get(key) ?? 0) + 1;
		this.routeCounts.set(key, nth);
		let body: unknown;
		if (rawBody !== '') {
			const type = String(req.headers['content-type'] ?? '');
			if (type.includes('json')) {
				try {
					body = JSON.parse(rawBody);
				} catch {
					body = rawBody;
				}
			} else if (type.includes('x-www-form-urlencoded')) {
				body = Object.fromEntries(new URLSearchParams(rawBody));
			} else if (type.includes('multipart/form-data')) {
				body = parseMultipart(rawBody, type) ?? rawBody;
			} else body = rawBody;
		}
		const request: SimRequest = {
			method: req.method ?? 'GET',
			pathname: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			body,
			at: performance.timeOrigin + performance.now(),
			nthOnRoute: nth,
		};
		if (this.keepLog) this.log.push(request);

		const fault = this.faultFor(key);
		if (this.latency > 0) await delay(this.latency);
		if (fault && (await this.applyFault(fault, request, res))) return;
		let response: SimResponse;
		try {
			response = await this.handler(request);
		} catch (error) {
			response = { status: 500, body: { error: 'simulator_error', message: (error as Error).message } };
		}
		request.status = response.status;
		send(res, response);
	}

	private faultFor(key: string): Fault | undefined {
		for (const fault of this.faults) {
			if (!matches(fault.route, key)) continue;
			fault.seen = (fault.seen ?? 0) + 1;
			if (fault.nth && !fault.nth.includes(fault.seen)) continue;
			if (fault.times !== undefined && (fault.fired ?? 0) >= fault.times) continue;
			fault.fired = (fault.fired ?? 0) + 1;
			return fault;
		}
		return undefined;
	}

	/** True when the fault answered (or dropped) the request itself. */
	private async applyFault(fault: Fault, request: SimRequest, res: ServerResponse): Promise<boolean> {
		switch (fault.kind) {
			case 'status':
				request.status = fault.status ?? 500;
				send(res, { status: request.status, body: fault.body, headers: fault.headers });
				return true;
			case 'reset':
				res.socket?.destroy();
				return true;
			case 'resetMidBody':
				res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
				res.write('[{"id": 1, "name": "trunc');
				setTimeout(() => res.socket?.destroy(), 20);
				return true;
			case 'slow':
				await delay(fault.delay ?? 5000);
				return false;
			case 'truncatedJson':
				res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
				res.end('{"id": 1, "name": "cut sho');
				return true;
			case 'html':
				res.writeHead(fault.status ?? 200, { 'content-type': 'text/html' });
				res.end('<!DOCTYPE html><html><body><h1>Maintenance</h1></body></html>');
				return true;
			case 'empty':
				res.writeHead(fault.status ?? 200, { 'content-type': 'application/json' });
				res.end();
				return true;
		}
		return false;
	}
}

export function send(res: ServerResponse, response: SimResponse): void {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	if (response.stream) {
		res.writeHead(response.status, headers);
		Readable.from(response.stream).pipe(res);
		return;
	}
	let payload = '';
	if (response.body !== undefined) {
		if (typeof response.body === 'string') payload = response.body;
		else {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json';
		}
	}
	res.writeHead(response.status, headers);
	res.end(payload);
}

function matches(route: string | RegExp, key: string): boolean {
	return typeof route === 'string' ? key.startsWith(route) : route.test(key);
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A multipart/form-data body as an object of its parts: JSON parts parsed, others as text.
 * Undefined when the body does not follow the boundary of its Content-Type.
 */
export function parseMultipart(rawBody: string, contentType: string): Record<string, unknown> | undefined {
	const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
	if (!boundary || !rawBody.startsWith(`--${boundary}`)) return undefined;
	const parts: Record<string, unknown> = {};
	for (const chunk of rawBody.split(`--${boundary}`).slice(1)) {
		if (chunk.startsWith('--')) break;
		const split = chunk.indexOf('\r\n\r\n');
		if (split < 0) return undefined;
		const head = chunk.slice(0, split);
		const content = chunk.slice(split + 4).replace(/\r\n$/, '');
		const name = /name="([^"]*)"/i.exec(head)?.[1];
		if (name === undefined) return undefined;
		let value: unknown = content;
		if (/content-type:\s*application\/json/i.test(head)) {
			try {
				value = JSON.parse(content);
			} catch {
				value = content;
			}
		}
		parts[name] = value;
	}
	return parts;
}
