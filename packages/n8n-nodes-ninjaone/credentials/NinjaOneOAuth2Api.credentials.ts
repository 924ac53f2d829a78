import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The instance's base URL, from the region or the custom URL, without a trailing slash. */
const BASE_URL =
	'($self["region"] === "custom" ? String($self["customBaseUrl"] || "") : $self["region"]).trim().replace(/\\/+$/, "")';

/**
 * The token endpoint's path. The node derives the API's base URL from the token URL, so the
 * credential carries no extra resolved field: n8n resolves every expression field of an OAuth2
 * credential on each request, and each one costs.
 */
export const TOKEN_PATH = '/ws/oauth/token';

export class NinjaOneOAuth2Api implements ICredentialType {
	name = 'ninjaOneOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'NinjaOne OAuth2 API';

	documentationUrl = 'https://github.com/n8n-nodes-ninjaone-nexthink/n8n-nodes-ninjaone-nexthink/blob/main/packages/n8n-nodes-ninjaone/README.md#credentials';

	icon = { light: 'file:../nodes/NinjaOne/ninjaone.svg', dark: 'file:../nodes/NinjaOne/ninjaone.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'US (app.ninjarmm.com)', value: 'https://app.ninjarmm.com' },
				{ name: 'US2 (us2.ninjarmm.com)', value: 'https://us2.ninjarmm.com' },
				{ name: 'EU (eu.ninjarmm.com)', value: 'https://eu.ninjarmm.com' },
				{ name: 'CA (ca.ninjarmm.com)', value: 'https://ca.ninjarmm.com' },
				{ name: 'OC / AU (oc.ninjarmm.com)', value: 'https://oc.ninjarmm.com' },
				{ name: 'Federal (app.ninjarmmfed.com)', value: 'https://app.ninjarmmfed.com' },
				{ name: 'Custom', value: 'custom' },
			],
			default: 'https://app.ninjarmm.com',
			description:
				'The NinjaOne instance your account is on: the host you log in to. Choose Custom for a region not listed, a proxy, or a test server.',
		},
		{
			displayName: 'Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://eu.ninjarmm.com',
			required: true,
			displayOptions: { show: { region: ['custom'] } },
			description: 'Scheme and host of the instance, without a path; /ws/oauth/token and /v2/... are added to it',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Client Credentials (API Services App)',
					value: 'clientCredentials',
				},
				{
					name: 'Authorization Code (Web App With Redirect URL)',
					value: 'authorizationCode',
				},
			],
			default: 'clientCredentials',
			description:
				'Client credentials need an "API Services (machine-to-machine)" client app and cover every operation except Script > Run, which NinjaOne refuses with "user_context_required". Authorization code needs a "Web (PHP, Java, .Net Core, etc.)" or "Native" client app whose redirect URL is the OAuth Redirect URL shown here, and acts as the user who connects it.',
		},
		{
			displayName: 'Scopes',
			name: 'scopeNotice',
			type: 'notice',
			default: '',
			description:
				'Give the client app the Monitoring, Management and Control scopes. With authorization code, also allow the Refresh Token grant: the credential asks for "offline_access" so that n8n can renew the token.',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{${BASE_URL} + "/ws/oauth/authorize"}}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{${BASE_URL} + "${TOKEN_PATH}"}}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default:
				'={{$self["grantType"] === "authorizationCode" ? "monitoring management control offline_access" : "monitoring management control"}}',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{$credentials.accessTokenUrl.replace(/${TOKEN_PATH.replace(/\//g, '\\/')}$/, "")}}`,
			url: '/v2/organizations',
			qs: { pageSize: 1 },
		},
	};
}
