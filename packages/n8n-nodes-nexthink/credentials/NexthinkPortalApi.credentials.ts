import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The classic Nexthink Portal (V6): Basic authentication as a Portal user. */
export class NexthinkPortalApi implements ICredentialType {
	name = 'nexthinkPortalApi';

	displayName = 'Nexthink Portal API';

	documentationUrl = 'https://github.com/n8n-nodes-ninjaone-nexthink/n8n-nodes-ninjaone-nexthink/blob/main/packages/n8n-nodes-nexthink/README.md#nexthink-portal-credential';

	icon = { light: 'file:../nodes/NexthinkAct/nexthink.svg', dark: 'file:../nodes/NexthinkAct/nexthink.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Portal URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://portal.company.com',
			description: 'The external DNS name of the Portal, with https:// and without a path',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'A Portal user whose profile has Finder access with "Allow API of remote actions" ticked; Nexthink recommends a local account kept for API clients',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the Portal\'s certificate cannot be verified, such as an on-premises Portal with a self-signed certificate',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{$credentials.username}}', password: '={{$credentials.password}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.url).trim().replace(/\\/+$/, "")}}',
			url: '/api/configuration/v1/engines',
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
	};
}
