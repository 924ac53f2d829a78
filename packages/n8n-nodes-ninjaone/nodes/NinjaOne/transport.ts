import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { TOKEN_PATH } from '../../credentials/NinjaOneOAuth2Api.credentials';
import { isJsonObject } from '../shared/envelope';
import { collectByCursor } from '../shared/pagination';
import { type ApiProfile, genericWords, type RequestContext, sendRequest } from '../shared/request';
import type { RequestClock } from '../shared/throttle';

export const CREDENTIAL_TYPE = 'ninjaOneOAuth2Api';

/** NinjaOne's reads sent as POST (a board run): retried like a GET, as sending one twice changes nothing. */
const READS_SENT_AS_POST = [/^\/v2\/ticketing\/trigger\/board\/[^/]+\/run$/];

export interface CallOptions {
	qs?: IDataObject;
	body?: unknown;
	followRedirects?: boolean;
	/** Headers beyond Accept (a multipart body brings its own Content-Type). */
	headers?: Record<string, string>;
	/** The answer is a file, kept as bytes. */
	binary?: boolean;
}

/** NinjaOne's requests for one execution: the base URL of the credential, one clock. */
export interface NinjaOneClient {
	call(ctx: RequestContext, method: IHttpRequestMethods, path: string, options?: CallOptions): Promise<unknown>;
	callFull(
		ctx: RequestContext,
		method: IHttpRequestMethods,
		path: string,
		options?: CallOptions,
	): Promise<{ statusCode: number; headers: IDataObject; body: unknown }>;
	/** A list paged by `after` (the last row's `id`) and `pageSize`. */
	list(ctx: RequestContext, path: string, qs: IDataObject, pageSize: number, limit?: number): Promise<unknown[]>;
}

export function ninjaOneClient(clock: RequestClock): NinjaOneClient {
	let credentials: IDataObject | undefined;
	const profile: ApiProfile = {
		credentialType: CREDENTIAL_TYPE,
		apiName: 'NinjaOne',
		describeError: describeNinjaOneError,
		secrets: () => secretsOf(credentials),
		oauth2: true,
		renewCredential: async (ctx) => {
			// n8n's own OAuth2 refresh (a new client-credentials token, or the refresh token's).
			const refresh = (ctx.helpers as { refreshOAuth2Token?: (type: string) => Promise<unknown> }).refreshOAuth2Token;
			if (typeof refresh !== 'function') return false;
			try {
				await refresh.call(ctx, CREDENTIAL_TYPE);
			} catch {
				// No new token: the 401 stands, in NinjaOne's words.
				return false;
			}
			credentials = (await ctx.getCredentials(CREDENTIAL_TYPE)) as IDataObject;
			return true;
		},
	};

	async function baseUrl(ctx: RequestContext): Promise<string> {
		credentials ??= (await ctx.getCredentials(CREDENTIAL_TYPE)) as IDataObject;
		const tokenUrl = String(credentials.accessTokenUrl ?? '');
		const base = tokenUrl.endsWith(TOKEN_PATH) ? tokenUrl.slice(0, -TOKEN_PATH.length) : '';
		if (!/^https?:\/\/[^/]+/.test(base)) {
			throw new Error(`The NinjaOne credential has no valid base URL (got "${base}"): choose a region or enter a Custom base URL`);
		}
		return base;
	}

	const client: NinjaOneClient = {
		async callFull(ctx, method, path, options = {}) {
			const url = (await baseUrl(ctx)) + path;
			const response = await sendRequest(ctx, clock, profile, {
				method,
				url,
				qs: options.qs,
				body: options.body,
				followRedirects: options.followRedirects,
				headers: options.headers,
				binary: options.binary,
				idempotent: method === 'POST' && READS_SENT_AS_POST.some((read) => read.test(path)),
			});
			return { statusCode: response.statusCode, headers: response.headers as IDataObject, body: response.body };
		},
		async call(ctx, method, path, options) {
			return (await client.callFull(ctx, method, path, options)).body;
		},
		async list(ctx, path, qs, pageSize, limit) {
			return await collectByCursor(
				async (after, size) => {
					const page = await client.call(ctx, 'GET', path, { qs: { ...qs, pageSize: size, after } });
					if (!Array.isArray(page)) throw new Error(`NinjaOne answered ${path} with something other than a list`);
					return page;
				},
				(row) => (isJsonObject(row) && typeof row.id === 'number' ? row.id : undefined),
				pageSize,
				limit,
			);
		},
	};
	return client;
}

/** NinjaOne answers `{resultCode, errorMessage, incidentId}` or, from OAuth, `{error, error_description}`. */
function describeNinjaOneError(statusCode: number, body: unknown): string | undefined {
	const words = genericWords(statusCode, body);
	if (isJsonObject(body) && body.error === 'user_context_required') {
		return `${words}. Script > Run needs a credential with the Authorization Code grant type: NinjaOne runs scripts only on behalf of a user`;
	}
	return words;
}

function secretsOf(credentials: IDataObject | undefined): string[] {
	if (!credentials) return [];
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [credentials.clientSecret, token.access_token, token.refresh_token].filter(
		(value): value is string => typeof value === 'string',
	);
}
