import { REPORTS } from '../../packages/n8n-nodes-ninjaone/nodes/NinjaOne/actions/report/get.operation';
import { ninjaOneSpec } from '../../simulator/ninjaone';
import { fixturePerFile, okResults } from './fixture';

/* Every report under /v2/queries, in n8n's engine against the spec-checking simulator: one item
   per row, paged by NinjaOne's named cursor, filters as the spec lists them. */

const f = fixturePerFile();

const api = (route: string) => f.sim.server.requests(route).filter((r) => r.pathname.startsWith('/v2'));
const results = okResults;

it('offers every /v2/queries report of the spec, and nothing else', () => {
	const inSpec = ninjaOneSpec()
		.operations.filter((op) => op.method === 'GET' && op.template.startsWith('/v2/queries/'))
		.map((op) => op.template.slice('/v2/queries/'.length))
		.sort();
	expect(REPORTS.map((r) => r.path).sort()).toEqual(inSpec);
	expect(inSpec).toHaveLength(24);
});

it.each(REPORTS.map((r) => [r.name, r.path]))('runs %s', async (_name, path) => {
	const run = await f.run({ resource: 'report', operation: 'get', report: path, returnAll: true });
	expect(run.error).toBeUndefined();
	results(run.json);
	expect(api(`GET /v2/queries/${path}`).length).toBeGreaterThan(0);
});

it('pages by the cursor NinjaOne names, one item per row, to the end', async () => {
	const run = await f.run({ resource: 'report', operation: 'get', report: 'software', returnAll: true, options: { pageSize: 25 } });
	// 30 devices with two applications each.
	expect(results(run.json)).toHaveLength(60);
	expect(results(run.json)[0]).toMatchObject({ deviceId: 1, name: 'Mozilla Firefox' });
	const requests = api('GET /v2/queries/software');
	const cursors = requests.map((r) => r.query.get('cursor'));
	expect(cursors[0]).toBeNull();
	expect(new Set(cursors.slice(1)).size).toBe(1);
	expect(cursors[1]).toMatch(/^[0-9a-f-]{36}$/);
	// 60 rows: two full pages and a short one that ends the report (no request for an empty page).
	expect(requests.map((r) => r.query.get('pageSize'))).toEqual(['25', '25', '25']);
});

it('stops at the limit, asking only for what is left', async () => {
	const run = await f.run({ resource: 'report', operation: 'get', report: 'software', returnAll: false, limit: 30, options: { pageSize: 25 } });
	expect(results(run.json)).toHaveLength(30);
	expect(api('GET /v2/queries/software').map((r) => r.query.get('pageSize'))).toEqual(['25', '5']);
});

it('passes the device filter and the report\'s own filters', async () => {
	const run = await f.run({
		resource: 'report',
		operation: 'get',
		report: 'os-patch-installs',
		deviceFilter: 'org = 1',
		filters: { status: 'FAILED', installedAfter: '2024-01-01' },
		returnAll: true,
	});
	expect(results(run.json).map((r) => r.deviceId)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28]);
	const [first] = api('GET /v2/queries/os-patch-installs');
	expect(first.query.get('df')).toBe('org = 1');
	expect(first.query.get('status')).toBe('FAILED');
	expect(first.query.get('installedAfter')).toBe('2024-01-01');

	await f.run({ resource: 'report', operation: 'get', report: 'windows-services', filters: { state: 'STOPPED', name: 'Spooler' }, returnAll: true });
	const [services] = api('GET /v2/queries/windows-services');
	expect(Object.fromEntries(services.query)).toMatchObject({ state: 'STOPPED', name: 'Spooler' });
});

it('reads custom fields written a moment ago', async () => {
	await f.run({ resource: 'device', operation: 'updateCustomFields', deviceId: '2', fieldsInput: 'json', fieldsJson: '{"siteCode": "ZRH"}' });
	const run = await f.run({ resource: 'report', operation: 'get', report: 'custom-fields', deviceFilter: 'org = 2', returnAll: false, limit: 1 });
	expect(results(run.json)).toEqual([{ deviceId: 2, fields: expect.objectContaining({ siteCode: 'ZRH' }) }]);
	// The spec wants pages of at least ten rows here: the node asks for ten and keeps one.
	expect(api('GET /v2/queries/custom-fields').map((r) => r.query.get('pageSize'))).toEqual(['10']);
});

describe('a cursor that does not go on where the last page ended', () => {
	const routes = (f.sim as unknown as { routes: Record<string, (...a: unknown[]) => unknown> }).routes;
	const original = routes['GET /v2/queries/disks'];
	afterEach(() => void (routes['GET /v2/queries/disks'] = original));
	const serve = (offsets: number[]) => {
		let call = 0;
		routes['GET /v2/queries/disks'] = () => {
			const offset = offsets[Math.min(call++, offsets.length - 1)];
			return { status: 200, body: { cursor: { name: 'c1', offset, count: 2, expires: 0 }, results: [{ deviceId: offset + 1 }, { deviceId: offset + 2 }] } };
		};
	};

	it('fails when it does not advance, instead of looping', async () => {
		serve([0, 0]);
		const run = await f.run({ resource: 'report', operation: 'get', report: 'disks', returnAll: true, options: { pageSize: 2 } });
		expect(run.error?.message).toMatch(/the report cursor did not advance \(a page at offset 0 where 2 was next\); stopped after 2 rows/);
		expect(api('GET /v2/queries/disks')).toHaveLength(2);
	});

	it('fails when it skipped rows, instead of returning an incomplete report', async () => {
		serve([0, 2, 6]);
		const run = await f.run({ resource: 'report', operation: 'get', report: 'disks', returnAll: true, options: { pageSize: 2 } });
		expect(run.error?.message).toMatch(/the report cursor skipped rows \(a page at offset 6 where 4 was next\); stopped after 4 rows/);
	});
});

it('refuses an unknown report and a bad date before any request', async () => {
	const unknown = await f.run({ resource: 'report', operation: 'get', report: '={{ "patch-summary" }}', returnAll: true });
	expect(unknown.error?.message).toMatch(/^Report \(item 0\): "patch-summary" is not a NinjaOne report; one of antivirus-status/);
	const badDate = await f.run({ resource: 'report', operation: 'get', report: 'software', filters: { installedBefore: '31.12.2024' }, returnAll: true });
	expect(badDate.error?.message).toMatch(/^Installed Before \(item 0\): must be an ISO 8601 date-time/);
	expect(api('GET')).toHaveLength(0);
});
