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

	// Judged by bounds a busy machine cannot break: the export starts no earlier than the run, and
	// each request is at least one interval after the one before it, so request k arrives no earlier
	// than k intervals after the run began (the simulator logs an arrival late under load, never early).
	const now = () => performance.timeOrigin + performance.now();
	const expectSpacedFrom = (began: number, arrivals: number[], interval: number) =>
		arrivals.forEach((at, k) => expect(at - began).toBeGreaterThanOrEqual((k + 1) * interval));

	test('status checks are spaced by the request interval and the status check interval, whichever is longer', async () => {
		let began = now();
		await exportQuery('#device_inventory', {}, 150);
		expectSpacedFrom(began, fixture.infinity.api.requests('GET /api/v1/nql/status/').map((r) => r.at), 150);
		fixture.infinity.api.log.length = 0;

		began = now();
		await exportQuery('#device_inventory', { options: { statusCheckSeconds: 0.3 } });
		const spaced = fixture.infinity.api.requests('GET /api/v1/nql/status/').map((r) => r.at);
		expect(spaced).toHaveLength(3);
		expectSpacedFrom(began, spaced, 300);
	});

	test('after a 429 on a status check, the next check still waits the status check interval from the retried request', async () => {
		// Retry-After as an HTTP date (whole seconds): the retry goes no earlier than that moment.
		const when = new Date(Date.now() + 2000).toUTCString();
		const retryAt = Date.parse(when);
		fixture.infinity.api.faults.push({ route: 'GET /api/v1/nql/status/', kind: 'status', status: 429, headers: { 'retry-after': when }, nth: [1] });
		const run = await exportQuery('#device_inventory', { options: { statusCheckSeconds: 1 } });
		expect(run.json[0].has_error).toBe(false);
		const [, retried, ...later] = fixture.infinity.api.requests('GET /api/v1/nql/status/').map((r) => r.at);
		expect(later.length).toBeGreaterThan(0);
		// A few ms of leeway between the wall clock (Date) and the simulator's clock (performance).
		expect(retried - retryAt).toBeGreaterThanOrEqual(-5);
		expectSpacedFrom(retryAt - 5, later, 1000);
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
