// Generated from common/request.ts by scripts/sync-common.mjs (npm run sync-common): edit that file, not this copy.
import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isJsonObject } from './envelope';
import { pause, type RequestClock, type Turn } from './throttle';

/** Where requests are sent from: node executions, option lists, and the trigger's poll() and webhook hooks. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: unknown;
	/** Milliseconds before the request is abandoned. */
	timeout?: number;
	skipSslCertificateValidation?: boolean;
	/** Some answers (204) have no body; anything else must be JSON. */
	expectJson?: boolean;
	/** Return a 3xx answer as it is instead of following it. */
	followRedirects?: boolean;
	/** Headers beyond `Accept: application/json`. */
	headers?: Record<string, string>;
	/**
	 * A file at a link of its own (a pre-signed storage URL): sent without the credential, which
	 * such a host refuses and must never see, and its body kept as text.
	 */
	fileDownload?: boolean;
	/**
	 * Reads a successful answer as it arrives instead of whole: the body's chunks go to `consume`,
	 * whose result becomes the body, so a large answer is never held as text beside what is made
	 * of it. A connection that breaks in the middle counts as a dropped connection (a GET is sent
	 * again, and `consume` starts over on the new answer).
	 */
	consume?: (chunks: AsyncIterable<Buffer>) => Promise<unknown>;
	/** The answer is a file: its body is kept as bytes (a Buffer), whatever its content type. */
	binary?: boolean;
	/**
	 * A read sent as POST (a search, a query, a board run): re-sent after a 5xx or a dropped
	 * connection like a GET, since sending it twice changes nothing.
	 */
	idempotent?: boolean;
	/** This request's own spacing from the previous one, in ms, where it must exceed the request interval (status checks). */
	interval?: number;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** How one API is called: its credential, its name in messages, and how it words errors. */
export interface ApiProfile {
	credentialType: string;
	apiName: string;
	/** Turns an error body into the API's own words, plus advice where the code calls for it. */
	describeError?: (statusCode: number, body: unknown, request: ApiRequest) => string | undefined;
	/** Values that must never appear in a message (tokens, passwords). */
	secrets?: () => string[];
	/**
	 * The credential for the next attempt, resolved before the request clock's turn, and whether
	 * n8n will fetch a token first (through the context's `httpRequest` helper, in the credential's
	 * preAuthentication).
	 */
	credentialOptions?: (ctx: RequestContext) => Promise<{ options?: IAdditionalCredentialOptions; fetchesToken: boolean }>;
	/**
	 * An OAuth2 credential: n8n resolves it, fetches any token, then sends the request itself through
	 * the context's `httpRequest` helper, where the request clock's turn is taken.
	 */
	oauth2?: boolean;
	/** Advice added when the server's TLS certificate is not trusted. */
	certificateHint?: string;
	/**
	 * After a 401: get a new token for the next attempt; true when there is one. Without it (Basic
	 * auth has nothing to renew), a 401 is final and the request is never sent again.
	 */
	renewCredential?: (ctx: RequestContext) => Promise<boolean>;
}

export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** First backoff wait in ms, doubled on each retry, with jitter. */
	baseDelay: number;
	/** Longest single wait, including a server's Retry-After. */
	maxDelay: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 4, baseDelay: 1000, maxDelay: 60_000 };

/**
 * Methods re-sent after a 5xx or a dropped connection, with reads sent as POST (`idempotent`). A
 * write by POST or PATCH (a partial update NinjaOne may apply field by field, and custom-field
 * writes that trigger automations) is re-sent only after a 429, which says it was not processed.
 */
const IDEMPOTENT = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRYABLE_STATUS = new Set([502, 503, 504]);
/** A read answered 500 is tried once more: a passing fault should not fail a poll or a list. */
const READ_RETRIES_AFTER_500 = 1;
/** Errors after which the request may or may not have reached the server. */
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
/** Errors that prove nothing was sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

/**
 * The one call path of both nodes: throttle, authentication through n8n's helper, retries,
 * and errors in the API's own words. Every attempt, retries included, takes a tick of the clock.
 */
export async function sendRequest(
	ctx: RequestContext,
	clock: RequestClock,
	profile: ApiProfile,
	request: ApiRequest,
	retry: RetryPolicy = DEFAULT_RETRY,
): Promise<ApiResponse> {
	const signal = cancelSignal(ctx);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body as IDataObject | undefined,
		json: true,
		returnFullResponse: true,
		// Every answer comes back as it is, whatever the status: the node judges status, headers and
		// body itself, the same on every n8n version (n8n 1.x's errors drop the headers), and n8n's
		// helper never re-sends a request answered 401 on its own.
		ignoreHttpStatusErrors: true,
		timeout: request.timeout ?? clock.timeout,
		skipSslCertificateValidation: request.skipSslCertificateValidation,
		disableFollowRedirect: request.followRedirects === false,
		...(request.fileDownload ? { json: false, encoding: 'text' as const } : {}),
		...(request.consume ? { json: false, encoding: 'stream' as const } : {}),
		...(request.binary ? { json: false, encoding: 'arraybuffer' as const } : {}),
	};
	let renewed = false;
	for (let attempt = 0; ; attempt++) {
		const turn = clock.turn(request.interval);
		let raw: { statusCode: number; headers?: ApiResponse['headers']; body: unknown } | undefined;
		let failure: HttpFailure | undefined;
		try {
			if (request.fileDownload) {
				await turn.take();
				raw = await ctx.helpers.httpRequest({ ...options, headers: { ...request.headers } });
			} else {
				const credential = await profile.credentialOptions?.(ctx);
				// The turn is taken as close to the send as n8n lets the node: after the credential is
				// resolved and any token fetched, so that the interval holds as the API sees it.
				const deferred = profile.oauth2 === true || credential?.fetchesToken === true;
				if (!deferred) await turn.take();
				raw = await ctx.helpers.httpRequestWithAuthentication.call(
					deferred ? takingTurnAtSend(ctx, turn, request.url) : ctx,
					profile.credentialType,
					{ ...options, headers: { Accept: 'application/json', ...request.headers } },
					credential?.options,
				);
			}
			if (raw && request.consume) raw = await readStream(raw, request.consume);
		} catch (error) {
			raw = undefined;
			failure = error instanceof UnreadableAnswer ? error.failure : readFailure(error);
		}
		turn.settle();
		// n8n marks the execution cancelled itself; nothing more is sent.
		if (signal?.aborted) throw new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
		if (raw) {
			const response = { statusCode: raw.statusCode, headers: raw.headers ?? {}, body: raw.body };
			if (request.followRedirects === false && response.statusCode >= 300 && response.statusCode < 400) return response;
			if (response.statusCode < 300) return request.consume ? response : checkJson(ctx, profile, request, response);
			failure = { ...response, body: parseJsonText(response.body), message: `HTTP ${response.statusCode}` };
			// A refused token: once per request, and only with a new one, may the request go again.
			if (response.statusCode === 401 && !renewed && profile.renewCredential) {
				renewed = true;
				if (await profile.renewCredential(ctx)) continue;
			}
		}
		const wait = retryDelay(failure!, request, attempt, retry);
		if (wait === undefined) throw apiError(ctx, profile, request, failure!, attempt);
		await pause(wait, signal);
	}
}

/** Failures while a streamed answer was read: a broken connection, or a body `consume` refused. */
class UnreadableAnswer extends Error {
	constructor(readonly failure: HttpFailure) {
		super(failure.message);
	}
}

/** The most of an error answer's body that is read when the answer was asked for as a stream. */
const STREAMED_ERROR_LIMIT = 64 * 1024;

/**
 * A successful streamed answer is handed to `consume`; any other answer's body is read as text
 * (its start only), to be judged as a buffered answer would be.
 */
async function readStream<T extends { statusCode: number; headers?: ApiResponse['headers']; body: unknown }>(
	raw: T,
	consume: NonNullable<ApiRequest['consume']>,
): Promise<T> {
	const stream = raw.body as AsyncIterable<Buffer> & { destroy?: () => void };
	if (raw.statusCode >= 300) {
		let text = '';
		try {
			for await (const chunk of stream) {
				text += chunk.toString();
				if (text.length >= STREAMED_ERROR_LIMIT) break;
			}
		} finally {
			stream.destroy?.();
		}
		return { ...raw, body: text };
	}
	// A broken connection ends the chunks early; `consume` then finds the body cut short.
	let broken: unknown;
	const iterator = stream[Symbol.asyncIterator]();
	async function* chunks(): AsyncGenerator<Buffer> {
		for (;;) {
			let next: IteratorResult<Buffer | string>;
			try {
				next = await iterator.next();
			} catch (error) {
				broken = error;
				return;
			}
			if (next.done) return;
			yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
		}
	}
	let refused: unknown;
	let body: unknown;
	try {
		body = await consume(chunks());
	} catch (error) {
		refused = error;
	}
	if (broken === undefined && refused === undefined) return { ...raw, body };
	stream.destroy?.();
	if (broken !== undefined) {
		const failure = readFailure(broken);
		throw new UnreadableAnswer({ ...failure, code: failure.code ?? 'ECONNRESET', message: 'the connection closed in the middle of the answer' });
	}
	const message = refused instanceof Error ? refused.message : String(refused);
	throw new UnreadableAnswer({ statusCode: raw.statusCode, headers: raw.headers ?? {}, body: undefined, message, unreadable: true });
}

/** A read: a GET or HEAD, or a read sent as POST. */
function isRead(request: ApiRequest): boolean {
	return request.idempotent === true || request.method === 'GET' || request.method === 'HEAD';
}

/**
 * The context n8n's authentication helper runs in, with its `httpRequest` helper taking the
 * request clock's turn: just before the request itself where n8n sends it through that helper
 * (OAuth2), and right after a token request (a credential's preAuthentication), which n8n follows
 * at once with the request.
 */
function takingTurnAtSend(ctx: RequestContext, turn: Turn, url: string): RequestContext {
	const httpRequest = ctx.helpers.httpRequest;
	const helpers = {
		...ctx.helpers,
		httpRequest: async (options: IHttpRequestOptions) => {
			if (options.url === url) {
				await turn.take();
				return await httpRequest.call(ctx.helpers, options);
			}
			const answer: unknown = await httpRequest.call(ctx.helpers, options);
			await turn.take();
			return answer;
		},
	};
	return new Proxy(ctx, {
		get(target, key) {
			if (key === 'helpers') return helpers;
			const value: unknown = Reflect.get(target, key, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}

/** An error body that arrived as text because it was not sent as JSON. */
function parseJsonText(raw: unknown): unknown {
	// A refused file download comes as bytes.
	const body = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

interface HttpFailure {
	statusCode?: number;
	headers: Record<string, unknown>;
	body: unknown;
	code?: string;
	message: string;
	/** No access token could be had: the request itself was never sent. */
	tokenFailure?: boolean;
	/** A successful answer whose streamed body could not be read: `message` says why; never retried. */
	unreadable?: boolean;
}

/** The part of n8n-core's message when its OAuth2 client gets no token. */
const TOKEN_FAILURE = /access token|oauth2|invalid_client|invalid_grant|reconnected/i;

/**
 * Digs the status, headers, body, error code and the innermost message (axios' own words, such
 * as "socket hang up") out of whatever n8n's helper threw.
 */
function readFailure(error: unknown): HttpFailure {
	const seen = new Set<unknown>();
	let cursor: unknown = error;
	let code: string | undefined;
	let message = error instanceof Error ? error.message : String(error);
	let tokenFailure = false;
	while ((isJsonObject(cursor) || cursor instanceof Error) && !seen.has(cursor)) {
		seen.add(cursor);
		const node = cursor as unknown as IDataObject;
		if (typeof node.message === 'string' && node.message !== '') {
			message = node.message;
			if (TOKEN_FAILURE.test(node.message)) tokenFailure = true;
		}
		if (typeof node.code === 'string' && /^E[A-Z_]+$/.test(node.code)) code = node.code;
		const response = node.response as IDataObject | undefined;
		if (response && typeof response.status === 'number') {
			if (response.status < 300) {
				// Headers arrived, then the connection broke before the body was complete.
				return { headers: {}, body: undefined, code: 'ECONNRESET', message: 'the connection closed in the middle of the answer' };
			}
			return {
				statusCode: response.status,
				headers: (response.headers as IDataObject) ?? {},
				body: response.data,
				code,
				message,
				tokenFailure,
			};
		}
		cursor = node.cause;
	}
	return { headers: {}, body: undefined, code, message, tokenFailure };
}

/** How long to wait before the next attempt, or undefined when it must not be retried. */
function retryDelay(
	failure: HttpFailure,
	request: ApiRequest,
	attempt: number,
	policy: RetryPolicy,
): number | undefined {
	if (attempt >= policy.maxRetries || failure.tokenFailure || failure.unreadable) return undefined;
	const status = failure.statusCode;
	const backoff = Math.min(policy.maxDelay, policy.baseDelay * 2 ** attempt) * (0.5 + Math.random() / 2);
	if (status === 429) {
		const asked = retryAfter(failure.headers['retry-after']);
		if (asked !== undefined && asked > policy.maxDelay) return undefined;
		return asked ?? backoff;
	}
	const safe = isRead(request) || IDEMPOTENT.has(request.method);
	if (status === 500 && isRead(request) && attempt < READ_RETRIES_AFTER_500) return backoff;
	if (status !== undefined && RETRYABLE_STATUS.has(status)) {
		if (!safe) return undefined;
		const asked = retryAfter(failure.headers['retry-after']);
		return Math.min(asked ?? backoff, policy.maxDelay);
	}
	if (status === undefined && failure.code) {
		if (NOT_SENT.has(failure.code)) return backoff;
		if (safe && RETRYABLE_NETWORK.has(failure.code)) return backoff;
	}
	return undefined;
}

/** Retry-After as seconds or as an HTTP date, in ms. */
export function retryAfter(value: unknown): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function checkJson(
	ctx: RequestContext,
	profile: ApiProfile,
	request: ApiRequest,
	response: ApiResponse,
): ApiResponse {
	const { body } = response;
	const empty = body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
	if (empty && request.method === 'GET' && request.expectJson !== false) {
		// A read that comes back empty is a broken answer, not an empty result.
		throw apiError(ctx, profile, request, { ...response, message: 'Empty answer' }, 0, 'the answer was empty where JSON was expected');
	}
	if (request.binary) return response;
	if (request.expectJson === false || body === undefined || body === null || body === '') {
		return { ...response, body: body === '' ? undefined : body };
	}
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed === '') return { ...response, body: undefined };
		try {
			return { ...response, body: JSON.parse(trimmed) };
		} catch {
			throw apiError(ctx, profile, request, {
				statusCode: response.statusCode,
				headers: response.headers,
				body,
				message: 'The answer is not JSON',
			}, 0, 'the answer is not valid JSON (it starts with ' + JSON.stringify(snippet(trimmed, 60)) + ')');
		}
	}
	return response;
}

function apiError(
	ctx: RequestContext,
	profile: ApiProfile,
	request: ApiRequest,
	failure: HttpFailure,
	retries: number,
	override?: string,
): NodeApiError {
	const where = `${request.method} ${new URL(request.url).pathname}`;
	const words = override ?? explain(profile, failure, request);
	const status = failure.statusCode !== undefined ? ` ${failure.statusCode}` : '';
	const tries = retries > 0 ? ` (after ${retries + 1} attempts)` : '';
	const message = redact(`${profile.apiName}${status}: ${words}${tries}`, profile);
	const description = redact(`${where}${status ? ' answered' + status : ' failed'}.`, profile);
	const error = new NodeApiError(
		ctx.getNode(),
		{ message, description, httpCode: failure.statusCode ?? null } as JsonObject,
		{
			message,
			description,
			httpCode: failure.statusCode !== undefined ? String(failure.statusCode) : undefined,
		},
	);
	// NodeApiError swaps any message that mentions ECONNRESET, ETIMEDOUT... for a generic sentence.
	error.message = message;
	return error;
}

function explain(profile: ApiProfile, failure: HttpFailure, request: ApiRequest): string {
	if (failure.tokenFailure) return `could not get an access token: ${failure.message}`;
	if (failure.unreadable) return failure.message;
	if (failure.statusCode === undefined) {
		const code = failure.code ? ` (${failure.code})` : '';
		const hint = profile.certificateHint && isCertificateError(failure) ? `. ${profile.certificateHint}` : '';
		return `the request could not be completed: ${failure.message}${code}${hint}`;
	}
	const specific = profile.describeError?.(failure.statusCode, failure.body, request);
	if (specific) return specific;
	return genericWords(failure.statusCode, failure.body);
}

function isCertificateError(failure: HttpFailure): boolean {
	return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(failure.code ?? '') || /certificate/i.test(failure.message);
}

/** The words of the common error shapes: {errorMessage, resultCode, incidentId}, {error, error_description}, {code, message}. */
export function genericWords(statusCode: number, body: unknown): string {
	if (isJsonObject(body)) {
		const text = firstString(body, ['errorMessage', 'error_description', 'message', 'error', 'detail', 'title']);
		const code = firstString(body, ['resultCode', 'error_code', 'code', 'error']);
		const incident = typeof body.incidentId === 'string' ? ` [incident ${body.incidentId}]` : '';
		if (text) return `${snippet(text, 500)}${code && code !== text ? ` (${snippet(code, 80)})` : ''}${incident}`;
		if (code) return `${snippet(code, 200)}${incident}`;
	}
	if (typeof body === 'string' && body.trim() !== '') {
		return looksLikeHtml(body) ? `${statusText(statusCode)} (an HTML page instead of JSON)` : snippet(body.trim(), 300);
	}
	return statusText(statusCode);
}

function firstString(body: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = body[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized: check the credential',
	403: 'Forbidden: the credential lacks a permission or scope for this call',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests: the rate limit was still exceeded after the retries',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

function statusText(statusCode: number): string {
	return STATUS_TEXT[statusCode] ?? `HTTP status ${statusCode}`;
}

function looksLikeHtml(text: string): boolean {
	return /^\s*<(!doctype|html|head|body)/i.test(text);
}

function snippet(text: string, length: number): string {
	return text.length > length ? `${text.slice(0, length)}…` : text;
}

export function redact(text: string, profile: Pick<ApiProfile, 'secrets'>): string {
	let out = text;
	for (const secret of profile.secrets?.() ?? []) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	return out.replace(/(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 ***');
}

function cancelSignal(ctx: RequestContext): AbortSignal | undefined {
	const fn = (ctx as IExecuteFunctions).getExecutionCancelSignal;
	return typeof fn === 'function' ? fn.call(ctx) : undefined;
}
