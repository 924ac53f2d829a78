import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());

describe('Nexthink Portal: Engine > List', () => {
	test('one item per Engine, with its fields as the Portal gives them', async () => {
		const run = await fixture.runPortal({ resource: 'engine', operation: 'list' });
		expect(run.error).toBeUndefined();
		expect(results(run)).toEqual(fixture.portal.engines);
		expect(results(run)[0]).toMatchObject({ name: 'engine-geneva', status: 'CONNECTED', databaseUID: expect.any(String), address: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
		const [request] = fixture.portal.server.log;
		expect(`${request.method} ${request.pathname}`).toBe('GET /api/configuration/v1/engines');
		expect(request.headers.authorization).toMatch(/^Basic /);
		expect(run.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('Connected Only keeps the CONNECTED Engines', async () => {
		fixture.portal.addEngine('engine-bern', 'CONNECTING');
		const run = await fixture.runPortal({ resource: 'engine', operation: 'list', connectedOnly: true });
		expect(results(run).map((e) => e.name)).toEqual(['engine-geneva']);
	});

	test('an idempotent list is retried on 503', async () => {
		fixture.portal.server.faults.push({ route: 'GET /api/configuration/v1/engines', kind: 'status', status: 503, times: 1, headers: { 'retry-after': '0' } });
		const run = await fixture.runPortal({ resource: 'engine', operation: 'list' });
		expect(run.error).toBeUndefined();
		expect(results(run)).toHaveLength(2);
		expect(fixture.portal.server.requests('GET /api/configuration/v1/engines')).toHaveLength(2);
	});
});
