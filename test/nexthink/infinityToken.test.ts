import { INFINITY_SCOPE } from '../../simulator/nexthinkInfinity';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());

const list = (items = [{}]) => fixture.runInfinity({ resource: 'remoteAction', operation: 'list' }, items, { onError: 'continueRegularOutput' });
const bearer = (route = 'GET /api/v1/act/remote-action') =>
	fixture.infinity.api.requests(route).map((r) => String(r.headers.authorization).replace(/^Bearer /, ''));

describe('Nexthink Infinity: token', () => {
	test('one client-credentials token serves every item and is stored with its expiry', async () => {
		const before = Date.now();
		const run = await list([{}, {}, {}]);
		expect(run.error).toBeUndefined();
		expect(results(run)).toHaveLength(3 * fixture.infinity.remoteActions.length);

		const [tokenRequest, ...others] = fixture.infinity.login.log;
		expect(others).toEqual([]);
		expect(`${tokenRequest.method} ${tokenRequest.pathname}`).toBe('POST /oauth2/default/v1/token');
		expect(tokenRequest.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(tokenRequest.body).toEqual({ grant_type: 'client_credentials', scope: INFINITY_SCOPE });
		const { clientId, clientSecret } = fixture.infinity.tokens.client;
		expect(tokenRequest.headers.authorization).toBe(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`);

		const [token] = fixture.infinity.issuedTokens;
		expect(bearer()).toEqual([token, token, token]);
		const stored = fixture.storedInfinity();
		expect(stored.accessToken).toBe(token);
		expect(Number(stored.expiresAt)).toBeGreaterThanOrEqual(before + 900_000);
		expect(Number(stored.expiresAt)).toBeLessThanOrEqual(Date.now() + 900_000);
		expect(fixture.infinity.violations).toEqual([]);

		// The next execution reuses the stored token.
		await list();
		expect(fixture.infinity.login.log).toHaveLength(1);
		expect(bearer()[1]).toBe(token);
	});

	test('a token that expired mid-run is refreshed once on the 401 and the request repeated', async () => {
		fixture.infinity.expireTokensAtRequest = 2;
		const run = await list([{}, {}, {}]);
		expect(run.error).toBeUndefined();
		expect(run.json.every((j) => j.has_error === false)).toBe(true);
		expect(run.json).toHaveLength(3 * fixture.infinity.remoteActions.length);

		const [first, second] = fixture.infinity.issuedTokens;
		expect(fixture.infinity.issuedTokens).toHaveLength(2);
		expect(bearer()).toEqual([first, first, second, second]);
		expect(fixture.infinity.api.log.map((r) => r.nthOnRoute)).toEqual([1, 2, 3, 4]);
		expect(fixture.storedInfinity().accessToken).toBe(second);
	});

	test('a stored token about to expire is replaced before it is used, without a 401', async () => {
		fixture.infinity.tokens.lifetime = 30;
		const old = fixture.infinity.tokens.issue('client_credentials', INFINITY_SCOPE, false).access_token as string;
		Object.assign(fixture.storedInfinity(), { accessToken: old, expiresAt: Date.now() + 30_000 });
		fixture.infinity.tokens.lifetime = 900;

		const run = await list([{}, {}]);
		expect(run.error).toBeUndefined();
		expect(fixture.infinity.login.log).toHaveLength(1);
		const [fresh] = fixture.infinity.issuedTokens;
		expect(bearer()).toEqual([fresh, fresh]);
		expect(fixture.storedInfinity().accessToken).toBe(fresh);
		expect(fixture.infinity.api.log).toHaveLength(2);
	});

	test('a refused client secret is a clear error, before any API request and without the secret', async () => {
		fixture.storedInfinity().clientSecret = 'not-the-secret-5521';
		const run = await list();
		expect(run.json[0].has_error).toBe(true);
		expect(run.json[0].error).toBe(
			`Nexthink Infinity: could not get an access token: the token service ${fixture.infinity.login.url}/oauth2/default/v1/token answered HTTP 401 (invalid_client: Client authentication failed); check the region, instance name, Client ID and Client Secret of the Nexthink Infinity credential`,
		);
		expect(fixture.infinity.login.log).toHaveLength(1);
		expect(fixture.infinity.api.log).toEqual([]);
		expect(JSON.stringify(run.run)).not.toContain('not-the-secret-5521');
		expect(fixture.leaks(run)).toEqual([]);
	});

	test('no secret or token in the output of a successful run', async () => {
		const run = await list();
		expect(fixture.infinity.issuedTokens).toHaveLength(1);
		expect(fixture.leaks(run)).toEqual([]);
	});
});
