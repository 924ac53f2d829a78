import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { infinityUrls } from '../../credentials/NexthinkInfinityApi.credentials';
import { type ApiProfile, type ApiResponse, type RequestContext, sendRequest } from '../shared/request';
import type { RequestClock } from '../shared/throttle';
import { describeEngineError, describeInfinityError, describePortalError } from './errors';

export const PORTAL_CREDENTIAL = 'nexthinkPortalApi';
export const INFINITY_CREDENTIAL = 'nexthinkInfinityApi';

/** The Portal's own timeout for a run when the request gives none. */
export const PORTAL_DEFAULT_TIMEOUT_SECONDS = 60;
/** How much longer than the Portal's timeout the node waits for its answer. */
const PORTAL_TIMEOUT_MARGIN_MS = 30_000;
/** A token this close to its expiry is replaced before it is used. */
const TOKEN_REFRESH_MARGIN_MS = 60_000;

export interface CallOptions {
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** For a Portal run: the Portal's own timeout, which the request's timeout must exceed. */
	portalTimeoutSeconds?: number;
	/** A read sent as POST (an NQL query): retried like a GET. */
	idempotent?: boolean;
	/** This request's own spacing from the previous one, in ms (status checks). */
	interval?: number;
}

export interface ApiClient {
	call(ctx: RequestContext, method: IHttpRequestMethods, path: string, options?: CallOptions): Promise<unknown>;
}

export interface PortalClient extends ApiClient {
	/** The Portal URL's scheme (`https:`), which the Engines are reached with too. */
	scheme(ctx: RequestContext): Promise<string>;
	/**
	 * A GET to an Engine's NXQL API (`engineUrl` is its scheme, host and port) with the Portal
	 * credential, its answer read as it arrives by `consume`.
	 */
	engineQuery(ctx: RequestContext, engineUrl: string, query: string, consume: (chunks: AsyncIterable<Buffer>) => Promise<unknown>): Promise<unknown>;
}

export interface InfinityClient extends ApiClient {
	/** The whole answer, for calls whose status says more than the body (206: truncated). */
	send(ctx: RequestContext, method: IHttpRequestMethods, path: string, options?: CallOptions): Promise<ApiResponse>;
	/** A results file at a pre-signed link, as text: under the clock and retries, without the credential. */
	download(ctx: RequestContext, url: string): Promise<string>;
}

/** The node's two APIs for one execution, sharing one request clock. */
export interface NexthinkClient {
	portal: PortalClient;
	infinity: InfinityClient;
}

export function nexthinkClient(clock: RequestClock): NexthinkClient {
	return { portal: portalClient(clock), infinity: infinityClient(clock) };
}

function portalClient(clock: RequestClock): PortalClient {
	let credentials: IDataObject | undefined;
	const secrets = () => [credentials?.password].filter((s): s is string => typeof s === 'string');
	const selfSigned = 'turn on "Ignore SSL Issues (Insecure)" in the Nexthink Portal credential';
	// Handed to n8n as resolved, so that nothing is left to do between the clock's turn and the send.
	const credentialOptions: ApiProfile['credentialOptions'] = async (ctx) => {
		credentials ??= (await ctx.getCredentials(PORTAL_CREDENTIAL)) as IDataObject;
		return { options: resolvedCredential(ctx, PORTAL_CREDENTIAL, credentials as ICredentialDataDecryptedObject), fetchesToken: false };
	};
	const profile: ApiProfile = {
		credentialType: PORTAL_CREDENTIAL,
		apiName: 'Nexthink Portal',
		describeError: describePortalError,
		secrets,
		certificateHint: `If the Portal uses a self-signed certificate, ${selfSigned}`,
		credentialOptions,
	};
	// The Engines take the Portal's users: the same credential, its Basic auth sent to each Engine's host.
	const engineProfile: ApiProfile = {
		credentialType: PORTAL_CREDENTIAL,
		apiName: 'Nexthink Engine',
		describeError: describeEngineError,
		secrets,
		certificateHint: `If the Engine's certificate is self-signed or does not name the address used (an IP address), ${selfSigned}`,
		credentialOptions,
	};
	const portalUrl = async (ctx: RequestContext): Promise<string> => {
		credentials ??= (await ctx.getCredentials(PORTAL_CREDENTIAL)) as IDataObject;
		const base = String(credentials.url ?? '').trim().replace(/\/+$/, '');
		if (!/^https?:\/\/[^/]+$/.test(base)) {
			throw new Error(`The Nexthink Portal credential's Portal URL must be like https://portal.company.com, got "${base}"`);
		}
		return base;
	};
	return {
		async call(ctx, method, path, options = {}) {
			const base = await portalUrl(ctx);
			const portalSeconds = options.portalTimeoutSeconds;
			const response = await sendRequest(ctx, clock, profile, {
				method,
				url: base + path,
				qs: options.qs,
				body: options.body,
				headers: options.headers,
				timeout:
					portalSeconds === undefined ? undefined : Math.max(clock.timeout, portalSeconds * 1000 + PORTAL_TIMEOUT_MARGIN_MS),
				skipSslCertificateValidation: credentials!.ignoreSslIssues === true,
				idempotent: options.idempotent,
				interval: options.interval,
			});
			return response.body;
		},
		async scheme(ctx) {
			return new URL(await portalUrl(ctx)).protocol;
		},
		async engineQuery(ctx, engineUrl, query, consume) {
			await portalUrl(ctx);
			const response = await sendRequest(ctx, clock, engineProfile, {
				method: 'GET',
				url: `${engineUrl}/2/query?${query}`,
				consume,
				skipSslCertificateValidation: credentials!.ignoreSslIssues === true,
			});
			return response.body;
		},
	};
}

function infinityClient(clock: RequestClock): InfinityClient {
	let credentials: ICredentialDataDecryptedObject | undefined;
	let tokenRefused = false;
	const profile: ApiProfile = {
		credentialType: INFINITY_CREDENTIAL,
		apiName: 'Nexthink Infinity',
		describeError: describeInfinityError,
		secrets: () =>
			[credentials?.clientSecret, credentials?.accessToken].filter((s): s is string => typeof s === 'string'),
		credentialOptions: async (ctx) => {
			credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(INFINITY_CREDENTIAL);
			const renew = tokenRefused;
			tokenRefused = false;
			return renewToken(ctx, credentials, renew);
		},
		// The next attempt goes with a token fetched anew through the credential's preAuthentication.
		renewCredential: async () => (tokenRefused = true),
	};
	const send: InfinityClient['send'] = async (ctx, method, path, options = {}) => {
		credentials ??= await ctx.getCredentials<ICredentialDataDecryptedObject>(INFINITY_CREDENTIAL);
		return await sendRequest(ctx, clock, profile, {
			method,
			url: infinityUrls(credentials).api + path,
			qs: options.qs,
			body: options.body,
			headers: options.headers,
			idempotent: options.idempotent,
			interval: options.interval,
		});
	};
	return {
		send,
		async call(ctx, method, path, options) {
			return (await send(ctx, method, path, options)).body;
		},
		async download(ctx, url) {
			if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`Nexthink Infinity gave a results file link that is not a web address: "${url.slice(0, 80)}"`);
			const response = await sendRequest(ctx, clock, profile, { method: 'GET', url, expectJson: false, fileDownload: true });
			return typeof response.body === 'string' ? response.body : '';
		},
	};
}

/**
 * The credential as resolved, for n8n. A token about to expire, or one the API refused, is handed
 * to n8n as empty, which makes n8n fetch a new one through the credential's preAuthentication (as
 * it does when no token is stored yet) and store it; otherwise n8n uses the stored token.
 */
function renewToken(
	ctx: RequestContext,
	credentials: ICredentialDataDecryptedObject,
	refused: boolean,
): { options: IAdditionalCredentialOptions; fetchesToken: boolean } {
	const token = typeof credentials.accessToken === 'string' ? credentials.accessToken : '';
	const expiresAt = Number(credentials.expiresAt);
	const stale = token !== '' && expiresAt > 0 && expiresAt - Date.now() < TOKEN_REFRESH_MARGIN_MS;
	const fetchesToken = token === '' || stale || refused;
	const data = fetchesToken ? { ...credentials, accessToken: '' } : credentials;
	return { options: resolvedCredential(ctx, INFINITY_CREDENTIAL, data), fetchesToken };
}

function resolvedCredential(ctx: RequestContext, type: string, data: ICredentialDataDecryptedObject): IAdditionalCredentialOptions {
	const stored = ctx.getNode().credentials?.[type];
	return { credentialsDecrypted: { id: stored?.id ?? '', name: stored?.name ?? '', type, data } };
}
