import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { fixturePerFile } from './fixture';
import cases from './apiCases.json';

/* Every table-driven NinjaOne operation (actions/<resource>/apiCalls.ts), run in n8n's engine
   against the simulator, which checks each request against the spec's contract. The cases, with
   the request each one must send, are written from the spec by scripts/generate-operations.mjs. */

interface ApiCase {
	route: string;
	parameters: INodeParameters;
	expected: { method: string; path: string; query: Record<string, string>; body?: unknown };
	list: boolean;
	download: boolean;
	multipart: boolean;
}

const f = fixturePerFile();
const CSV = 'CVE,Host\nCVE-2024-0001,host-0001\n';

describe.each(Object.entries(cases as Record<string, ApiCase>))('%s', (_name, apiCase) => {
	it(`sends ${apiCase.route}`, async () => {
		const items = apiCase.multipart ? [{ $binary: { data: { text: CSV, fileName: 'scan.csv', mimeType: 'text/csv' } } }] : [{}];
		const run = await f.run(apiCase.parameters, items as IDataObject[]);
		expect(run.error).toBeUndefined();
		const sent = f.sim.server.log.filter((r) => r.pathname.startsWith('/v2'));
		// A paged list may ask once more (a page ends a list only when empty or shorter than the largest
		// so far); anything else sends one request.
		expect([1, ...(apiCase.list ? [2] : [])]).toContain(sent.length);
		for (const again of sent) expect(`${again.method} ${again.pathname}`).toBe(`${sent[0].method} ${sent[0].pathname}`);
		const [request] = sent;
		expect(request.method).toBe(apiCase.expected.method);
		expect(request.pathname).toBe(apiCase.expected.path);
		// A list's paging parameters are the pager's, checked by the contract.
		const query = Object.fromEntries([...request.query.entries()].filter(([key]) => !apiCase.list || key !== 'pageSize'));
		expect(query).toEqual(apiCase.expected.query);
		if (apiCase.multipart) {
			expect(request.body).toMatchObject(apiCase.expected.body as object);
		} else {
			expect(request.body ?? undefined).toEqual(apiCase.expected.body);
		}
		for (const item of run.json) expect(item).toMatchObject({ has_error: false, error: null });
		// The seeded users match no sample search text.
		if (apiCase.list && apiCase.route !== 'GET /v2/ticketing/app-user-contact') expect(run.json.length).toBeGreaterThan(0);
		if (apiCase.download) {
			expect(run.items[0].binary?.data).toMatchObject({ fileName: 'sample.csv', mimeType: 'text/csv' });
			expect(Buffer.from(run.items[0].binary!.data.data, 'base64').toString()).toBe('id,name\n1,Sample article\n');
		}
	});
});
