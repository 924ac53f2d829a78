import { Workflow } from 'n8n-workflow';

import { NinjaOneOAuth2Api } from '../../packages/n8n-nodes-ninjaone/credentials/NinjaOneOAuth2Api.credentials';
import { resolveCredentialData } from '../harness/credentialsHelper';
import { nodeTypes } from '../harness/nodeTypes';
import { ninjaOneSpec } from '../../simulator/ninjaone';

/* The credential as n8n resolves it: URLs per region, scopes per grant type, and the
   credential test request. */

const resolve = (data: Record<string, string>) => resolveCredentialData('ninjaOneOAuth2Api', data, 'manual');

describe('NinjaOne OAuth2 API credential', () => {
	it.each([
		['https://app.ninjarmm.com', 'https://app.ninjarmm.com'],
		['https://eu.ninjarmm.com', 'https://eu.ninjarmm.com'],
		['https://oc.ninjarmm.com', 'https://oc.ninjarmm.com'],
	])('resolves the token and authorize URLs of region %s', (region, base) => {
		const data = resolve({ region });
		expect(data.accessTokenUrl).toBe(`${base}/ws/oauth/token`);
		expect(data.authUrl).toBe(`${base}/ws/oauth/authorize`);
	});

	it('takes a Custom base URL, without its trailing slash', () => {
		const data = resolve({ region: 'custom', customBaseUrl: ' https://ninja.proxy.example/ ' });
		expect(data.accessTokenUrl).toBe('https://ninja.proxy.example/ws/oauth/token');
	});

	it('asks for offline_access only with the authorization code grant', () => {
		expect(resolve({ grantType: 'clientCredentials' }).scope).toBe('monitoring management control');
		expect(resolve({ grantType: 'authorizationCode' }).scope).toBe('monitoring management control offline_access');
	});

	it('tests the credential with the cheapest call the spec has', () => {
		const data = resolve({ region: 'https://us2.ninjarmm.com' });
		const { request } = new NinjaOneOAuth2Api().test;
		const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes });
		const baseURL = workflow.expression.getSimpleParameterValue(
			{ id: 'x', name: 'x', type: 'test.itemsSource', typeVersion: 1, position: [0, 0], parameters: {} },
			request.baseURL!,
			'manual',
			{ $credentials: data } as never,
		);
		expect(baseURL).toBe('https://us2.ninjarmm.com');
		const query = new URLSearchParams(Object.entries(request.qs ?? {}).map(([k, v]) => [k, String(v)]));
		expect(ninjaOneSpec().check({ method: 'GET', pathname: request.url!, query, body: undefined }).problems).toEqual([]);
	});
});
