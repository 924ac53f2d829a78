import { randomBytes } from 'crypto';

import type { SimRequest, SimResponse } from './server';

/* The OAuth2 token side shared by the simulated APIs: client credentials, authorization
   code with refresh tokens, token lifetimes, and revocation to force a refresh mid-run. */

export interface Client {
	clientId: string;
	clientSecret: string;
}

interface Token {
	grant: 'client_credentials' | 'authorization_code';
	expiresAt: number;
	scope: string;
}

export class TokenIssuer {
	readonly tokens = new Map<string, Token>();
	readonly refreshTokens = new Map<string, string>();
	/** Seconds a new access token lives. */
	lifetime = 3600;
	issued = 0;
	/** When set, the token endpoint answers this instead of a token. */
	outage?: SimResponse;

	constructor(
		readonly client: Client,
		readonly defaultScope: string,
	) {}

	/** Answers a token request, reading client auth from the Basic header or the body. */
	handle(request: SimRequest): SimResponse {
		if (this.outage) return this.outage;
		const form = (request.body ?? {}) as Record<string, string>;
		const basic = /^Basic (.+)$/i.exec(String(request.headers.authorization ?? ''));
		const [id, secret] = basic
			? Buffer.from(basic[1], 'base64').toString('utf8').split(':').map(decodeURIComponent)
			: [form.client_id, form.client_secret];
		if (id !== this.client.clientId || secret !== this.client.clientSecret) {
			return { status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } };
		}
		const scope = form.scope ?? this.defaultScope;
		switch (form.grant_type) {
			case 'client_credentials':
				return { status: 200, body: this.issue('client_credentials', scope, false) };
			case 'authorization_code':
				if (!form.code) return { status: 400, body: { error: 'invalid_grant', error_description: 'code is missing' } };
				return { status: 200, body: this.issue('authorization_code', scope, true) };
			case 'refresh_token': {
				if (!form.refresh_token || !this.refreshTokens.has(form.refresh_token)) {
					return { status: 400, body: { error: 'invalid_grant', error_description: 'refresh token is invalid' } };
				}
				return { status: 200, body: this.issue('authorization_code', this.refreshTokens.get(form.refresh_token)!, true) };
			}
			default:
				return { status: 400, body: { error: 'unsupported_grant_type', error_description: `grant_type ${form.grant_type}` } };
		}
	}

	issue(grant: Token['grant'], scope: string, withRefresh: boolean): Record<string, unknown> {
		this.issued++;
		const accessToken = `at-${randomBytes(12).toString('hex')}`;
		this.tokens.set(accessToken, { grant, expiresAt: Date.now() + this.lifetime * 1000, scope });
		const body: Record<string, unknown> = {
			access_token: accessToken,
			token_type: 'Bearer',
			expires_in: this.lifetime,
			scope,
		};
		if (withRefresh) {
			const refresh = `rt-${randomBytes(12).toString('hex')}`;
			this.refreshTokens.set(refresh, scope);
			body.refresh_token = refresh;
		}
		return body;
	}

	/** The bearer token's grant, or undefined when it is missing, unknown or expired. */
	check(request: SimRequest): Token | undefined {
		const m = /^Bearer (.+)$/i.exec(String(request.headers.authorization ?? ''));
		const token = m ? this.tokens.get(m[1]) : undefined;
		if (!token || token.expiresAt <= Date.now()) return undefined;
		return token;
	}

	revokeAll(): void {
		this.tokens.clear();
	}
}
