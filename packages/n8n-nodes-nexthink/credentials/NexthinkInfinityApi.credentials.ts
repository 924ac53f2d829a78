import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

/** Nexthink's tokens last 15 minutes; used when the token endpoint does not say. */
const DEFAULT_TOKEN_SECONDS = 900;

/**
 * Login and API base URLs of an instance. Computed here rather than kept in hidden `$self`
 * properties: n8n saves the whole resolved credential after `preAuthentication`, which would
 * freeze such properties at their first value and ignore a later change of region.
 */
export function infinityUrls(credentials: ICredentialDataDecryptedObject): { login: string; api: string } {
	if (credentials.region === 'custom') {
		return {
			login: baseUrl(credentials.customLoginUrl, 'Login Base URL'),
			api: baseUrl(credentials.customApiUrl, 'API Base URL'),
		};
	}
	const instance = String(credentials.instance ?? '').trim().toLowerCase();
	if (!/^[a-z0-9][a-z0-9-]*$/.test(instance)) {
		throw new Error(
			`The Nexthink Infinity credential's instance name "${instance}" is not valid: enter only the first part of your instance's address, e.g. "acme" for acme.eu.nexthink.cloud`,
		);
	}
	const region = String(credentials.region);
	return {
		login: `https://${instance}-login.${region}.nexthink.cloud`,
		api: `https://${instance}.api.${region}.nexthink.cloud`,
	};
}

function baseUrl(value: unknown, label: string): string {
	const url = String(value ?? '').trim().replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+$/.test(url)) {
		throw new Error(`The Nexthink Infinity credential's ${label} must be a scheme and host such as https://host, got "${url}"`);
	}
	return url;
}

/** The same API base URL as `infinityUrls`, as an expression for the credential test. */
const API_BASE_URL_EXPRESSION =
	'={{$credentials.region === "custom" ? String($credentials.customApiUrl).trim().replace(/\\/+$/, "") : "https://" + String($credentials.instance).trim().toLowerCase() + ".api." + $credentials.region + ".nexthink.cloud"}}';

export class NexthinkInfinityApi implements ICredentialType {
	name = 'nexthinkInfinityApi';

	displayName = 'Nexthink Infinity API';

	documentationUrl = 'https://github.com/n8n-nodes-ninjaone-nexthink/n8n-nodes-ninjaone-nexthink/blob/main/packages/n8n-nodes-nexthink/README.md#nexthink-infinity-credential';

	icon = { light: 'file:../nodes/NexthinkAct/nexthink.svg', dark: 'file:../nodes/NexthinkAct/nexthink.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US', value: 'us' },
				{ name: 'EU', value: 'eu' },
				{ name: 'Pacific', value: 'pac' },
				{ name: 'Middle East', value: 'meta' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'us',
			description:
				'The region of your instance: the part after the instance name in its address (acme.eu.nexthink.cloud is EU). Choose Custom for a region not listed or a test server.',
		},
		{
			displayName: 'Instance Name',
			name: 'instance',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'acme',
			displayOptions: { hide: { region: ['custom'] } },
			description: 'The first part of your instance\'s address: "acme" for acme.eu.nexthink.cloud',
		},
		{
			displayName: 'Login Base URL',
			name: 'customLoginUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme-login.eu.nexthink.cloud',
			displayOptions: { show: { region: ['custom'] } },
			description: 'Scheme and host of the token service; /oauth2/default/v1/token is added to it',
		},
		{
			displayName: 'API Base URL',
			name: 'customApiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://acme.api.eu.nexthink.cloud',
			displayOptions: { show: { region: ['custom'] } },
			description: 'Scheme and host of the API; /api/v1/... is added to it',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'From Administration > API credentials in Nexthink; give the credential the permissions of the APIs the node calls (Remote Actions, NQL)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: '',
		},
	];

	/** Called by n8n when the token is empty, and once more when the API answers 401. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const tokenUrl = `${infinityUrls(credentials).login}/oauth2/default/v1/token`;
		let answer: IDataObject;
		try {
			answer = (await this.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				auth: { username: String(credentials.clientId ?? ''), password: String(credentials.clientSecret ?? '') },
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: { grant_type: 'client_credentials', scope: 'service:integration' },
				json: true,
			})) as IDataObject;
		} catch (error) {
			throw new Error(tokenFailure(error, tokenUrl));
		}
		if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
			throw new Error(`the token service ${tokenUrl} answered without an access token`);
		}
		const seconds = typeof answer.expires_in === 'number' ? answer.expires_in : DEFAULT_TOKEN_SECONDS;
		return { accessToken: answer.access_token, expiresAt: Date.now() + seconds * 1000 };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.accessToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: API_BASE_URL_EXPRESSION,
			url: '/api/v1/act/remote-action',
		},
	};
}

/** The token service's own words ({error, error_description}), without the request that carried the secret. */
function tokenFailure(error: unknown, tokenUrl: string): string {
	const response = (error as { response?: { status?: number; data?: unknown } }).response;
	const data = (response?.data ?? {}) as IDataObject;
	const words = [data.error, data.error_description].filter((w) => typeof w === 'string' && w !== '').join(': ');
	const what = response?.status
		? `answered HTTP ${response.status}${words ? ` (${words})` : ''}`
		: `could not be reached (${(error as Error).message})`;
	return `the token service ${tokenUrl} ${what}; check the region, instance name, Client ID and Client Secret of the Nexthink Infinity credential`;
}
