import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import { NexthinkInfinityApi } from '../../packages/n8n-nodes-nexthink/credentials/NexthinkInfinityApi.credentials';
import { NexthinkPortalApi } from '../../packages/n8n-nodes-nexthink/credentials/NexthinkPortalApi.credentials';
import { NinjaOneOAuth2Api } from '../../packages/n8n-nodes-ninjaone/credentials/NinjaOneOAuth2Api.credentials';

/**
 * n8n's own oAuth2Api base type lives in n8n-nodes-base, which the unit tests do not load: this
 * stand-in carries the properties n8n-core's OAuth2 client reads. The real one is exercised by
 * the end-to-end tests in a real n8n.
 */
class OAuth2ApiStandIn implements ICredentialType {
	name = 'oAuth2Api';
	displayName = 'OAuth2 API';
	properties: INodeProperties[] = [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Authorization URL', name: 'authUrl', type: 'string', default: '' },
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'string', default: '' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Scope', name: 'scope', type: 'string', default: '' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'string', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'header' },
	];
}

const types: ICredentialType[] = [
	new OAuth2ApiStandIn(),
	new NinjaOneOAuth2Api(),
	new NexthinkPortalApi(),
	new NexthinkInfinityApi(),
];

export function credentialType(name: string): ICredentialType {
	const type = types.find((t) => t.name === name);
	if (!type) throw new Error(`Unknown credential type ${name}`);
	return type;
}

export function parentTypes(name: string): string[] {
	const type = credentialType(name);
	const parents = type.extends ?? [];
	return parents.flatMap((parent) => [parent, ...parentTypes(parent)]);
}

/** A type's properties with its parents', the child's overriding same-named ones. */
export function credentialProperties(name: string): INodeProperties[] {
	const type = credentialType(name);
	const own = type.properties;
	const inherited = (type.extends ?? []).flatMap((parent) => credentialProperties(parent));
	return [...inherited.filter((p) => !own.some((o) => o.name === p.name)), ...own];
}
