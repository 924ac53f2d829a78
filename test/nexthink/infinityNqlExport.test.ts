import { INFINITY_DEVICES } from '../../simulator/nexthinkInfinity';
import { parseCsv } from '../../packages/n8n-nodes-nexthink/nodes/NexthinkAct/actions/nql/csv';
import { NexthinkFixture, results } from './fixture';

const fixture = new NexthinkFixture();
beforeAll(async () => void (await fixture.start()));
afterAll(async () => await fixture.stop());
beforeEach(() => fixture.reset());
afterEach(() => expect(fixture.infinity.violations).toEqual([]));

const sim = () => fixture.infinity.automation;
const exportQuery = (queryId: string, extra: Record<string, unknown> = {}, requestInterval = 0) =>
	fixture.runInfinity(
		{ resource: 'nql', operation: 'export', queryId, requestInterval, options: { statusCheckSeconds: 0 }, ...extra },
		[{}],
		{ onError: 'continueRegularOutput' },
	);
const routes = () => fixture.infinity.api.log.map((r) => `${r.method} ${r.pathname.replace(/[0-9a-f-]{36}/, '{id}')}`);

describe('Nexthink Infinity: NQL > Export', () => {
	test('starts the export, checks its status until complete, downloads the file: one item per row', async () => {
		const run = await exportQuery('#devices_by_name', { parameters: { parameter: [{ name: 'name_prefix', value: 'laptop' }] } });
		expect(run.json.every((json) => json.has_error === false)).toBe(true);
		expect(results(run)).toEqual(
			INFINITY_DEVICES.filter((d) => d.name.startsWith('LAPTOP')).map((d) => ({
				'device.name': d.name,
				'device.collector.uid': d.collectorId,
				'device.operating_system.name': d.os,
			})),
		);
		expect(routes()).toEqual([
			'POST /api/v1/nql/export',
			'GET /api/v1/nql/status/{id}',
			'GET /api/v1/nql/status/{id}',
			'GET /api/v1/nql/status/{id}',
			'GET /results-files/{id}.csv',
		]);
		expect(fixture.infinity.api.log[0].body).toEqual({ queryId: '#devices_by_name', parameters: { name_prefix: 'laptop' } });
		// The results file's link is pre-signed: it never gets the token (the simulator would record a violation).
		const download = fixture.infinity.api.log[4];
		expect(download.headers.authorization).toBeUndefined();
		expect(run.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('status checks are spaced by the request interval and the status check interval, whichever is longer', async () => {
		await exportQuery('#device_inventory', {}, 150);
		const checks = fixture.infinity.api.requests('GET /api/v1/nql/status/').map((r) => r.at);
		for (let i = 1; i < checks.length; i++) expect(checks[i] - checks[i - 1]).toBeGreaterThanOrEqual(140);
		fixture.infinity.api.log.length = 0;

		await exportQuery('#device_inventory', { options: { statusCheckSeconds: 0.3 } });
		const spaced = fixture.infinity.api.requests('GET /api/v1/nql/status/').map((r) => r.at);
		expect(spaced).toHaveLength(3);
		for (let i = 1; i < spaced.length; i++) expect(spaced[i] - spaced[i - 1]).toBeGreaterThanOrEqual(280);
	});

	test('quoted values with commas, quotes and line breaks; thousands of rows', async () => {
		sim().inventoryRows = 5000;
		const run = await exportQuery('#device_inventory');
		const rows = results(run);
		expect(rows).toHaveLength(5000);
		expect(rows[4999]).toEqual({
			'device.name': 'DEVICE-005000',
			'device.collector.uid': '00000000-0000-4000-8000-000000001387',
			'device.operating_system.name': 'Windows 11',
			'device.hardware.model': 'Latitude 7440, rev "B"',
		});
		expect(parseCsv('\ufeffa,b\r\n"x\ny",""\r\n"1,2","say ""hi"""')).toEqual([{ a: 'x\ny', b: '' }, { a: '1,2', b: 'say "hi"' }]);
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv('a,b\n')).toEqual([]);
	});

	test('an export that ends in ERROR, and an unknown query', async () => {
		sim().exportError = 'Query timed out';
		const failed = await exportQuery('#device_inventory');
		expect(failed.json[0].error).toMatch(/^Nexthink Infinity could not export query #device_inventory \(export [0-9a-f-]{36}\): Query timed out$/);
		sim().exportError = undefined;

		const unknown = await exportQuery('#nope');
		expect(unknown.json[0].error).toBe(
			'Nexthink Infinity 404: Query #nope not found [nql-api]. No NQL API query has this ID: create it in Nexthink under Administration > NQL API queries, and use its ID (such as #my_query)',
		);

	});

	test('an export still running when the execution is cancelled: the status checks stop', async () => {
		sim().exportChecks = Number.MAX_SAFE_INTEGER;
		const began = Date.now();
		const run = await fixture.runInfinity(
			{ resource: 'nql', operation: 'export', queryId: '#device_inventory', requestInterval: 0, options: { statusCheckSeconds: 0.1 } },
			[{}],
			{ cancelAfter: 500 },
		);
		expect(run.run.status).toBe('canceled');
		expect(Date.now() - began).toBeLessThan(5000);
		const checks = fixture.infinity.api.requests('GET /api/v1/nql/status/').length;
		expect(checks).toBeGreaterThan(1);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(fixture.infinity.api.requests('GET /api/v1/nql/status/')).toHaveLength(checks);
	});

	test('a download link that has expired is said so', async () => {
		fixture.infinity.api.faults.push({ route: 'GET /results-files/', kind: 'status', status: 403, body: '<Error><Code>AccessDenied</Code></Error>' });
		const run = await exportQuery('#device_inventory');
		expect(run.json[0].error).toBe(
			'Nexthink Infinity 403: <Error><Code>AccessDenied</Code></Error>. The results file\'s link was refused: such links expire soon after the export completes, so run the export again',
		);
	});

	test('a truncated export (206) still gives its rows', async () => {
		sim().exportTruncated = true;
		const run = await exportQuery('#device_inventory');
		expect(results(run)).toHaveLength(sim().inventoryRows);
	});
});
