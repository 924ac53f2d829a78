import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { infinityUrls, NexthinkInfinityApi } from '../../packages/n8n-nodes-nexthink/credentials/NexthinkInfinityApi.credentials';
import { NexthinkPortalApi } from '../../packages/n8n-nodes-nexthink/credentials/NexthinkPortalApi.credentials';
import { resolveCredentialData } from '../harness/credentialsHelper';
import { nodeTypes } from '../harness/nodeTypes';
import { NexthinkFixture } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());

const node: INode = { id: 'n', name: 'Credential Test', type: 'test.itemsSource', typeVersion: 1, position: [0, 0], parameters: {} };

/** A credential test request's URL, its expressions resolved against the credential as n8n does. */
function testUrl(type: ICredentialType, credentials: ICredentialDataDecryptedObject): string {
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const resolve = (value: unknown) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials } as never, undefined, '');
	const { baseURL, url } = type.test!.request;
	return `${String(resolve(baseURL))}${String(url)}`;
}

describe('Nexthink credentials', () => {
	test('Portal: the credential test lists the Engines with Basic auth', async () => {
		const credentials = resolveCredentialData('nexthinkPortalApi', fixture.helper.store.get('portal-1')!.data, 'internal');
		const url = testUrl(new NexthinkPortalApi(), { ...credentials, url: `${fixture.portal.server.url}/` });
		expect(url).toBe(`${fixture.portal.server.url}/api/configuration/v1/engines`);
		const options = await fixture.helper.authenticate(credentials, 'nexthinkPortalApi', { url } as IHttpRequestOptions);
		const { username, password } = options.auth!;
		const answer = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` } });
		expect(answer.status).toBe(200);
		expect(await answer.json()).toHaveLength(2);
	});

	test.each(['us', 'eu', 'pac', 'meta'])('Infinity: region %s gives the login and API hosts of the instance', (region) => {
		const credentials = { region, instance: ' Acme-Corp ' };
		expect(infinityUrls(credentials)).toEqual({
			login: `https://acme-corp-login.${region}.nexthink.cloud`,
			api: `https://acme-corp.api.${region}.nexthink.cloud`,
		});
		expect(testUrl(new NexthinkInfinityApi(), credentials)).toBe(`https://acme-corp.api.${region}.nexthink.cloud/api/v1/act/remote-action`);
	});

	test('Infinity: Custom region uses the two base URLs; bad values are named', () => {
		const custom = { region: 'custom', customLoginUrl: 'http://127.0.0.1:1/', customApiUrl: 'http://127.0.0.1:2' };
		expect(infinityUrls(custom)).toEqual({ login: 'http://127.0.0.1:1', api: 'http://127.0.0.1:2' });
		expect(testUrl(new NexthinkInfinityApi(), custom)).toBe('http://127.0.0.1:2/api/v1/act/remote-action');
		expect(() => infinityUrls({ region: 'eu', instance: 'acme.eu.nexthink.cloud' })).toThrow(/instance name "acme.eu.nexthink.cloud" is not valid/);
		expect(() => infinityUrls({ ...custom, customApiUrl: 'acme.api.eu.nexthink.cloud' })).toThrow(/API Base URL must be a scheme and host/);
	});

	test('Infinity: the credential test request lists remote actions with the token', async () => {
		const run = await fixture.runInfinity({ resource: 'remoteAction', operation: 'list' });
		expect(run.error).toBeUndefined();
		const credentials = resolveCredentialData('nexthinkInfinityApi', fixture.storedInfinity() as never, 'internal');
		const url = testUrl(new NexthinkInfinityApi(), credentials);
		const options = await fixture.helper.authenticate(credentials, 'nexthinkInfinityApi', { url } as IHttpRequestOptions);
		const answer = await fetch(url, { headers: options.headers as Record<string, string> });
		expect(answer.status).toBe(200);
		expect(options.headers!.Authorization).toBe(`Bearer ${fixture.infinity.issuedTokens[0]}`);
	});
});
